import { Navigate, type RouteObject } from "react-router";
import type { UserRole } from "../gql/graphql";
import { Layout } from "./Layout";
import { RequireRole } from "./RequireRole";
import { HomeRedirect } from "./HomeRedirect";
import { NotFoundPage } from "./NotFoundPage";
import { commonMessages as m } from "../messages";

const CASEWORK: UserRole[] = ["ADMIN", "COORDINATOR"];
const STAFF: UserRole[] = ["ADMIN", "COORDINATOR", "VIEWER"];

/**
 * Every page is its own chunk (`lazy`), so signing in downloads only the shell and the page in hand; recharts, for
 * one, is fetched only on 成果. Role checks here are for navigation only: the server decides what anyone may read.
 */
const pages: RouteObject[] = [
  { path: "/login", lazy: async () => ({ Component: (await import("../features/auth/LoginPage")).LoginPage }) },
  {
    // Printed on its own, without the app's header and menu.
    path: "/people/:personId/card",
    element: <RequireRole roles={CASEWORK} />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import("../features/people/ResourceCardPrintPage")).ResourceCardPrintPage,
        }),
      },
    ],
  },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: "/resources",
        lazy: async () => ({ Component: (await import("../features/resources/SearchPage")).SearchPage }),
      },
      {
        path: "/resources/:resourceId",
        lazy: async () => ({
          Component: (await import("../features/resources/ResourceDetailPage")).ResourceDetailPage,
        }),
      },
      {
        element: <RequireRole roles={CASEWORK} />,
        children: [
          {
            path: "/today",
            lazy: async () => ({ Component: (await import("../features/followups/TodayPage")).TodayPage }),
          },
          {
            path: "/people",
            lazy: async () => ({ Component: (await import("../features/people/PeopleListPage")).PeopleListPage }),
          },
          {
            path: "/people/new",
            lazy: async () => ({ Component: (await import("../features/people/PersonNewPage")).PersonNewPage }),
          },
          {
            path: "/people/:personId/edit",
            lazy: async () => ({ Component: (await import("../features/people/PersonEditPage")).PersonEditPage }),
          },
          {
            path: "/people/:personId/disclosure",
            lazy: async () => ({
              Component: (await import("../features/people/PersonDisclosurePage")).PersonDisclosurePage,
            }),
          },
          {
            path: "/people/:personId",
            lazy: async () => ({ Component: (await import("../features/people/PersonDetailPage")).PersonDetailPage }),
          },
          {
            path: "/catalog",
            lazy: async () => ({ Component: (await import("../features/catalog/CatalogPage")).CatalogPage }),
          },
          {
            path: "/catalog/organizations",
            lazy: async () => ({
              Component: (await import("../features/catalog/OrganizationsPage")).OrganizationsPage,
            }),
          },
          {
            path: "/catalog/listings/new",
            lazy: async () => ({ Component: (await import("../features/catalog/ListingNewPage")).ListingNewPage }),
          },
          {
            path: "/catalog/listings/:resourceId/edit",
            lazy: async () => ({ Component: (await import("../features/catalog/ListingEditPage")).ListingEditPage }),
          },
          // 実施状況の記録: one menu entry (/records) for its pages, which link to one another.
          { path: "/records", element: <Navigate to="/records/intakes" replace /> },
          {
            path: "/records/intakes",
            lazy: async () => ({ Component: (await import("../features/intake/IntakesPage")).IntakesPage }),
          },
          {
            path: "/records/meetings",
            lazy: async () => ({ Component: (await import("../features/meetings/MeetingsPage")).MeetingsPage }),
          },
          {
            path: "/records/cooperation",
            lazy: async () => ({
              Component: (await import("../features/host-relations/CooperationPage")).CooperationPage,
            }),
          },
          {
            path: "/records/host-support",
            lazy: async () => ({
              Component: (await import("../features/host-relations/HostSupportPage")).HostSupportPage,
            }),
          },
          {
            path: "/matches",
            lazy: async () => ({ Component: (await import("../features/matching/MatchBoardPage")).MatchBoardPage }),
          },
          {
            path: "/catalog/import",
            lazy: async () => ({
              Component: (await import("../features/catalog-import/CatalogImportPage")).CatalogImportPage,
            }),
          },
          {
            path: "/matches/:matchId/follow-up",
            lazy: async () => ({
              Component: (await import("../features/followups/FollowUpFormPage")).FollowUpFormPage,
            }),
          },
        ],
      },
      {
        element: <RequireRole roles={STAFF} />,
        children: [
          {
            path: "/outcomes",
            lazy: async () => ({ Component: (await import("../features/reports/OutcomesPage")).OutcomesPage }),
          },
          {
            path: "/reports/evaluation",
            lazy: async () => ({
              Component: (await import("../features/evaluation/EvaluationReportPage")).EvaluationReportPage,
            }),
          },
          {
            path: "/reports/evaluation/targets",
            lazy: async () => ({
              Component: (await import("../features/evaluation/TargetsPage")).TargetsPage,
            }),
          },
          { path: "/gaps", lazy: async () => ({ Component: (await import("../features/gaps/GapsPage")).GapsPage }) },
        ],
      },
      {
        element: <RequireRole roles={["HOST"]} />,
        children: [
          {
            path: "/host",
            lazy: async () => ({ Component: (await import("../features/host/HostPortalPage")).HostPortalPage }),
          },
          {
            path: "/host/listings/:resourceId",
            lazy: async () => ({ Component: (await import("../features/host/HostListingPage")).HostListingPage }),
          },
          {
            path: "/host/referrals/:matchId",
            lazy: async () => ({ Component: (await import("../features/host/HostReferralPage")).HostReferralPage }),
          },
        ],
      },
      {
        element: <RequireRole roles={["ADMIN"]} />,
        children: [
          {
            path: "/admin/audit",
            lazy: async () => ({ Component: (await import("../features/admin/AuditLogPage")).AuditLogPage }),
          },
          {
            path: "/admin/areas",
            lazy: async () => ({ Component: (await import("../features/admin/AreasPage")).AreasPage }),
          },
          {
            path: "/admin/support-meetings",
            lazy: async () => ({
              Component: (await import("../features/support-meetings/SupportMeetingsPage")).SupportMeetingsPage,
            }),
          },
          {
            path: "/admin/users",
            lazy: async () => ({ Component: (await import("../features/admin/UsersPage")).UsersPage }),
          },
          {
            path: "/admin/settings",
            lazy: async () => ({
              Component: (await import("../features/admin/MunicipalSettingsPage")).MunicipalSettingsPage,
            }),
          },
        ],
      },
      {
        element: <RequireRole roles={["ADMIN", "COORDINATOR", "HOST", "VIEWER"]} />,
        children: [
          {
            path: "/account/password",
            lazy: async () => ({
              Component: (await import("../features/account/ChangePasswordPage")).ChangePasswordPage,
            }),
          },
          {
            path: "/account/two-factor",
            lazy: async () => ({ Component: (await import("../features/account/TwoFactorPage")).TwoFactorPage }),
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

/** What shows while the first page's chunk loads (the router asks for one when the first route is lazy). */
function FirstLoad() {
  return (
    <p role="status" className="container">
      {m.loading}
    </p>
  );
}

export const routes: RouteObject[] = [{ HydrateFallback: FirstLoad, children: pages }];
