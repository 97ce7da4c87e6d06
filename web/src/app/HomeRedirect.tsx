import { Navigate } from "react-router";
import { commonMessages as m } from "../messages";
import { homePathFor, useViewer } from "./viewer";

/** `/`: signed-in users go to their role's start page; everyone else sees the public directory. */
export function HomeRedirect() {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">{m.loading}</p>;
  return <Navigate to={viewer ? homePathFor(viewer.role) : "/resources"} replace />;
}
