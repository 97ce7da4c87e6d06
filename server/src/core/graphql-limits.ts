import type { ApolloServerPlugin } from "@apollo/server";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import {
  GraphQLError, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType, Kind,
  type DocumentNode, type GraphQLSchema, type ValidationRule, type SelectionSetNode, type ValidationContext,
} from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";

/**
 * Limits on the shape and size of a GraphQL operation (OWASP GraphQL cheat sheet: depth, cost, aliases, batching).
 * Page sizes themselves are capped where the arguments are declared (MAX_PAGE_SIZE = 100 in core/pagination.ts,
 * suggestResources ≤ 50, nextSessions ≤ 50, myFollowUpsDue withinDays ≤ 90).
 *
 * Measured on the heaviest queries the product makes (graphql-limits.test.ts keeps them, and fails if one of them
 * comes within the headroom below; the numbers are what that test prints):
 *   query                                                                       depth   cost
 *   searchResources(first: 100), every facet, highlight, nextSessions(count:3)      6   ~8,000
 *   person detail: consents, plans, matches with history/follow-ups/attendance      5   ~3,600
 *   myReferrals with person facts, resource, attendance                             4   ~1,000
 *   matches(first: 100) board with person, resource, organization, coordinator      5   ~1,000
 *   suggestResources(first: 50) with reasons and exclusions                         4   ~1,600
 *
 * MAX_DEPTH 10: the deepest real query is 6 fields deep (counting the leaf, as graphql-armor does; fragments are
 *   flattened so colocated client fragments cost nothing). 10 leaves room for a richer screen and still stops the
 *   Match → person → matches → person … cycles long before they matter.
 * MAX_COMPLEXITY 20,000: cost = 1 per field, times `first`/`count` for paged fields, times 10 for other lists of
 *   objects (their real sizes are small: areas of a listing, history of a match). That is 2.5× the heaviest page
 *   (search with 100 hits) and refuses what the depth limit lets through: two nested 100-row pages (≥ 100 × 100).
 * MAX_ALIASES 30 / MAX_ROOT_FIELDS 20: a screen asks for a handful of root fields; aliases are what turns one cheap
 *   field into thousands of resolver calls (or login attempts) in one request.
 * MAX_TOKENS 5,000: the search query above is ~700 tokens; parsing stops early on anything larger.
 * Batched HTTP requests stay off (Apollo's default), so one HTTP request is one operation under these limits.
 */
export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 20_000;
export const MAX_ALIASES = 30;
export const MAX_ROOT_FIELDS = 20;
export const MAX_TOKENS = 5_000;
/** Assumed length of a list of objects that has no `first`/`count` argument. */
export const ASSUMED_LIST_LENGTH = 10;

const reject = (context: ValidationContext, message: string) =>
  context.reportError(new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));

/** graphql-armor's rule, set to report (→ 400 GRAPHQL_VALIDATION_FAILED) instead of throwing (→ 500): STACK.md P8. */
export const depthLimitRule = (max = MAX_DEPTH): ValidationRule => maxDepthRule({
  n: max, flattenFragments: true, propagateOnRejection: false, onReject: [(ctx, e) => ctx?.reportError(e)],
}) as unknown as ValidationRule;

/** Counts aliased fields anywhere in the document (fragments included, each once). */
export const aliasLimitRule = (max = MAX_ALIASES): ValidationRule => (context) => {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === max + 1) reject(context, `別名 (alias) が多すぎます (上限 ${max})`);
    },
  };
};

/** Root fields per operation, counting through fragments on the root type. */
export const rootFieldLimitRule = (max = MAX_ROOT_FIELDS): ValidationRule => (context) => ({
  OperationDefinition(node) {
    const seen = new Set<string>();
    const count = (set: SelectionSetNode): number => set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + 1;
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
      if (seen.has(s.name.value)) return n;
      seen.add(s.name.value);
      const fragment = context.getFragment(s.name.value);
      return fragment ? n + count(fragment.selectionSet) : n;
    }, 0);
    const fields = count(node.selectionSet);
    if (fields > max) reject(context, `一度に要求できる項目は${max}個までです (${fields}個)`);
  },
});

export const LIMIT_VALIDATION_RULES: ValidationRule[] = [depthLimitRule(), aliasLimitRule(), rootFieldLimitRule()];

/**
 * Paged fields cost their children times the page size asked for (`first`, or `count` for nextSessions); other lists
 * of objects times ASSUMED_LIST_LENGTH. Lists of scalars and enums are columns of their parent: 1.
 */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const size = typeof args.first === "number" ? args.first : typeof args.count === "number" ? args.count : undefined;
  if (size !== undefined) return 1 + Math.max(0, size) * Math.max(1, childComplexity);
  const type = getNullableType(field.type);
  if (isListType(type)) {
    const item = getNamedType(type);
    if (isObjectType(item) || isInterfaceType(item)) return 1 + ASSUMED_LIST_LENGTH * Math.max(1, childComplexity);
  }
  return undefined;
};

export const COMPLEXITY_ESTIMATORS: ComplexityEstimator[] = [
  fieldExtensionsEstimator(), pagedEstimator, simpleEstimator({ defaultComplexity: 1 }),
];

export function operationComplexity(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query, variables, operationName, estimators: COMPLEXITY_ESTIMATORS });
}

/**
 * Cost check after the operation is resolved (variables known, so `first: $n` counts as sent). Over the limit is a
 * 400 GRAPHQL_VALIDATION_FAILED: the query was well-formed but too big, and the client has to ask for less.
 */
export function complexityLimitPlugin(max = MAX_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const cost = operationComplexity(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (cost > max) {
            throw new GraphQLError(`クエリが大きすぎます (コスト ${cost}、上限 ${max})。件数や項目を減らしてください`, {
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
