import { Navigate, Outlet, useLocation } from "react-router";
import type { UserRole } from "../gql/graphql";
import { commonMessages as m } from "../messages";
import { useViewer } from "./viewer";

/** Signed-out visitors go to ログイン (and come back afterwards); a signed-in user of another role gets a notice. */
export function RequireRole({ roles }: { roles: UserRole[] }) {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <p role="status">{m.loading}</p>;
  if (!viewer) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(viewer.role)) {
    return (
      <>
        <h1>{m.forbiddenTitle}</h1>
        <p className="notice notice--error" role="alert">
          {m.forbidden}
        </p>
      </>
    );
  }
  return <Outlet />;
}
