import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";

/**
 * One cached list per filter combination: `first` and `after` are page arguments, not part of the key, so
 * fetchMore({ after }) appends to the list it continues instead of starting a new one.
 */
const RESOURCE_LIST_KEY_ARGS = ["kinds", "targetGroups", "areaIds", "statuses", "organizationId", "citywide", "text"];

/** Exported so component tests run against the same type policies as the app. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          resources: relayStylePagination(RESOURCE_LIST_KEY_ARGS),
          // 資源をさがす: one list per search input; もっと見る appends.
          searchResources: relayStylePagination(["input"]),
          persons: relayStylePagination(["text", "mine", "track", "areaId"]),
          matches: relayStylePagination(["mine", "stages", "personId"]),
          organizations: relayStylePagination(["orgTypes", "text", "includeArchived"]),
          users: relayStylePagination(),
          staleResources: relayStylePagination(["kinds", "areaIds", "organizationId"]),
          auditLog: relayStylePagination(["filter"]),
          // 実施状況の記録: one list per 年度; もっと見る appends.
          consultationIntakes: relayStylePagination(["fiscalYear"]),
          cooperationRequests: relayStylePagination(["fiscalYear"]),
          hostSupports: relayStylePagination(["fiscalYear"]),
          meetingRecords: relayStylePagination(["fiscalYear"]),
        },
      },
      // The server sends these lists whole after every move: replace them (no merge, no data-loss warning).
      Match: {
        fields: {
          allowedTransitions: { merge: false },
          followUpDues: { merge: false },
          history: { merge: false },
          followUps: { merge: false },
        },
      },
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Same origin as the page (the server serves web/dist; Vite proxies /graphql in development), so the HttpOnly
    // session cookie is sent without CORS.
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    cache: createCache(),
  });
}
