import { Suspense } from "react";
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigation } from "react-router";
import type { UserRole } from "../gql/graphql";
import { accountMessages, commonMessages as m } from "../messages";
import { useLogout, useLogoutEverywhere } from "../features/auth/use-logout";
import { useFontScale } from "../ui/use-font-scale";
import { setupPathFor, useViewer } from "./viewer";

type NavKey = keyof typeof m.nav;
const NAV: { key: Exclude<NavKey, "label">; to: string; roles: UserRole[] | "all" }[] = [
  { key: "today", to: "/today", roles: ["ADMIN", "COORDINATOR"] },
  { key: "search", to: "/resources", roles: "all" },
  { key: "people", to: "/people", roles: ["ADMIN", "COORDINATOR"] },
  { key: "matches", to: "/matches", roles: ["ADMIN", "COORDINATOR"] },
  { key: "catalog", to: "/catalog", roles: ["ADMIN", "COORDINATOR"] },
  { key: "records", to: "/records", roles: ["ADMIN", "COORDINATOR"] },
  { key: "host", to: "/host", roles: ["HOST"] },
  { key: "outcomes", to: "/outcomes", roles: ["ADMIN", "COORDINATOR", "VIEWER"] },
  { key: "evaluation", to: "/reports/evaluation", roles: ["ADMIN", "COORDINATOR", "VIEWER"] },
  { key: "gaps", to: "/gaps", roles: ["ADMIN", "COORDINATOR", "VIEWER"] },
  { key: "catalogImport", to: "/catalog/import", roles: ["ADMIN", "COORDINATOR"] },
  { key: "audit", to: "/admin/audit", roles: ["ADMIN"] },
  { key: "users", to: "/admin/users", roles: ["ADMIN"] },
  { key: "areas", to: "/admin/areas", roles: ["ADMIN"] },
  { key: "settings", to: "/admin/settings", roles: ["ADMIN"] },
  { key: "supportMeetings", to: "/admin/support-meetings", roles: ["ADMIN"] },
];

/**
 * The shell every page shares: skip link, header with the menu for the viewer's role, font size, and ログアウト — or,
 * for an anonymous visitor, ログイン.
 */
export function Layout() {
  const { viewer, loading } = useViewer();
  const [logout] = useLogout();
  const [logoutEverywhere] = useLogoutEverywhere();
  const { pathname, search } = useLocation();
  const font = useFontScale();
  const navigation = useNavigation();
  const setupPath = setupPathFor(viewer?.pendingSetup);
  // A temporary password to change or a required second factor to set up: nothing else until it is done (the
  // server refuses everything else too), so the menu is hidden and every page leads to that one.
  const items = setupPath
    ? []
    : NAV.filter((item) => item.roles === "all" || (viewer && item.roles.includes(viewer.role)));
  if (setupPath && pathname !== setupPath) return <Navigate to={setupPath} replace />;

  return (
    <>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="app-header">
        <div className="container app-header__inner">
          <NavLink to="/" className="app-header__brand">
            {m.appName}
          </NavLink>
          <nav aria-label={m.nav.label} className="app-nav">
            <ul>
              {items.map((item) => (
                <li key={item.key}>
                  <NavLink to={item.to}>{m.nav[item.key]}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__tools">
            <div role="group" aria-label={m.fontSize.label} className="font-size">
              <button type="button" onClick={font.smaller} aria-label={m.fontSize.smaller}>
                小
              </button>
              <button type="button" onClick={font.reset} aria-label={m.fontSize.normal}>
                標準
              </button>
              <button type="button" onClick={font.larger} aria-label={m.fontSize.larger}>
                大
              </button>
            </div>
            {!viewer && !loading && (
              // Anonymous visitors (資源をさがす is public) sign in from any page and come back to it.
              <Link className="button" to={`/login?next=${encodeURIComponent(`${pathname}${search}`)}`}>
                {m.login}
              </Link>
            )}
            {viewer && (
              <>
                <span className="app-header__user">{m.signedInAs(viewer.displayName)}</span>
                <button type="button" className="button button--secondary" onClick={() => void logout()}>
                  {m.logout}
                </button>
                {/* Keyed by the page, so the menu is closed again after following its link. */}
                <details className="app-header__more" key={pathname}>
                  <summary>{m.accountMenu}</summary>
                  <div className="app-header__menu">
                    <Link to="/account/password">{m.changePassword}</Link>
                    <Link to="/account/two-factor">{accountMessages.twoFactor.menu}</Link>
                    <button type="button" className="button button--secondary" onClick={() => void logoutEverywhere()}>
                      {m.logoutEverywhere}
                    </button>
                  </div>
                </details>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1} aria-busy={navigation.state === "loading"}>
        {setupPath && (
          <p className="notice notice--warning">
            {viewer?.pendingSetup === "PASSWORD_CHANGE"
              ? accountMessages.setup.passwordNotice
              : accountMessages.setup.twoFactorNotice}
          </p>
        )}
        <Suspense fallback={<p role="status">{m.loading}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
