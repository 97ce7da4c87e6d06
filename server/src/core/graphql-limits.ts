import type { ApolloServerPlugin } from "@apollo/server";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from "graphql-query-complexity";
import { MAX_PAGE_SIZE } from "./pagination.js";

/**
 * Limits on the shape and size of a GraphQL operation (OWASP GraphQL cheat sheet: depth, cost, aliases, batching).
 * Page sizes themselves are capped where the arguments are declared (MAX_PAGE_SIZE = 100 in core/pagination.ts,
 * suggestResources ≤ 50, nextSessions ≤ 50, myFollowUpsDue withinDays ≤ 90).
 *
 * Measured on the heaviest queries the product makes (graphql-limits.queries.ts; graphql-limits.test.ts runs them for
 * real and fails when one comes within the headroom; `PRINT_LIMITS=1` prints these numbers):
 *   query                                                                             depth    cost
 *   searchResources(first: 100): full card, highlight, nextSessions(count: 3), 11 facets  6   21,939
 *   match board: matches(first: 100) with person, resource, organization, coordinator     6    7,706
 *   person detail: consents, plans, matches with history/follow-ups/dues/attendance       5    5,144
 *   suggestResources(first: 50) with reasons and exclusions                               5    3,565
 *   myReferrals with the person's shared facts, resource, attendance                      4    1,231
 *
 * MAX_DEPTH 10: the deepest real query is 6 (graphql-armor counts the leaf; fragments are flattened, so colocated
 *   client fragments cost nothing). 10 leaves room for a richer screen and still stops the Match → person → matches →
 *   person … cycles early.
 * MAX_COMPLEXITY 50,000: cost = 1 per field; a paged field pays its rows × `first`; `nextSessions(count)` × count;
 *   any other list of objects is assumed to hold 10 (real ones are small: areas of a listing, history of a match).
 *   50,000 is 2.3× the heaviest page (100 search hits). What it refuses is what depth alone lets through: lists inside
 *   lists inside a 100-row page (e.g. 100 matches → person → matches → history and follow-ups ≈ 83,000).
 * MAX_ALIASES 30 / MAX_ROOT_FIELDS 20: a screen asks for a handful of root fields; aliases are what turns one cheap
 *   field into thousands of resolver calls (or login attempts) in one request.
 * MAX_TOKENS 5,000: the heaviest query above is 220 tokens (a big createResource input a few hundred); parsing stops
 *   early on anything far larger.
 * Batched HTTP requests stay off (Apollo's default), so one HTTP request is one operation under these limits.
 */
export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 50_000;
export const MAX_ALIASES = 30;
export const MAX_ROOT_FIELDS = 20;
export const MAX_TOKENS = 5_000;
/**
 * Field extension: the largest `count` a list field accepts, declared on the field itself (`nextSessions`), so that
 * this module needs to know no feature.
 */
export const MAX_COUNT_EXTENSION = "maxCount";
/** Assumed length of a list of objects that has no `first`/`count` argument. */
export const ASSUMED_LIST_LENGTH = 10;

/**
 * Every limit answers 400 with this one code and one Japanese sentence of its own (README, セキュリティ). graphql-js's
 * own limits (tokens at parsing, error count and overlapping-field work at validation) answer in English, the token
 * limit as GRAPHQL_PARSE_FAILED: `builtInLimitsPlugin` gives them the same code and a sentence like the others.
 */
export const LIMIT_CODE = "GRAPHQL_VALIDATION_FAILED";
export const LIMIT_MESSAGES = {
  depth: (max: number) => `クエリの入れ子が深すぎます (上限 ${max}階層)。階層を減らしてください`,
  cost: (cost: number, max: number) =>
    `クエリが大きすぎます (コスト ${cost}、上限 ${max})。件数や項目を減らしてください`,
  aliases: (max: number) => `別名 (alias) が多すぎます (上限 ${max})`,
  rootFields: (max: number, found: number) => `一度に要求できる項目は${max}個までです (${found}個)`,
  tokens: (max: number) => `クエリが長すぎます (上限 ${max}トークン)。項目を減らしてください`,
  validationAborted: () => "クエリの誤りや重なった項目が多すぎるため、検証を打ち切りました。クエリを見直してください",
};

const reject = (context: ValidationContext, message: string) =>
  context.reportError(new GraphQLError(message, { extensions: { code: LIMIT_CODE } }));

/**
 * graphql-armor's rule, set to report (→ 400) instead of throwing (its default, which Apollo answers with 500). Its
 * own message is English
 * ("Syntax Error: Query depth limit of 10 exceeded"); ours replaces it.
 */
export const depthLimitRule = (max = MAX_DEPTH): ValidationRule =>
  maxDepthRule({
    n: max,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [(ctx) => ctx && reject(ctx, LIMIT_MESSAGES.depth(max))],
  });

/** Counts aliased fields anywhere in the document (fragments included, each once). */
export const aliasLimitRule =
  (max = MAX_ALIASES): ValidationRule =>
  (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) reject(context, LIMIT_MESSAGES.aliases(max));
      },
    };
  };

/** Root fields per operation, counting through fragments on the root type. */
export const rootFieldLimitRule =
  (max = MAX_ROOT_FIELDS): ValidationRule =>
  (context) => ({
    OperationDefinition(node) {
      const seen = new Set<string>();
      const count = (set: SelectionSetNode): number =>
        set.selections.reduce((n, s) => {
          if (s.kind === Kind.FIELD) return n + 1;
          if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
          if (seen.has(s.name.value)) return n;
          seen.add(s.name.value);
          const fragment = context.getFragment(s.name.value);
          return fragment ? n + count(fragment.selectionSet) : n;
        }, 0);
      const fields = count(node.selectionSet);
      if (fields > max) reject(context, LIMIT_MESSAGES.rootFields(max, fields));
    },
  });

export const LIMIT_VALIDATION_RULES: ValidationRule[] = [depthLimitRule(), aliasLimitRule(), rootFieldLimitRule()];

/** The list a paged field's `first` sizes: Relay `edges`, and the suggestions of suggestResources. */
const PAGE_LISTS = new Set(["edges", "suggestions"]);

/**
 * Cost: 1 per field. A paged field (`first`) pays its page list once per row asked for: the list is costed for one
 * row on the way up, and the paged field scales that part by `first` (siblings such as facets or pageInfo are paid
 * once). `count` (nextSessions) multiplies a plain list. Other lists of objects cost ASSUMED_LIST_LENGTH rows; lists
 * of scalars and enums are columns of their parent: 1.
 */
function pagedEstimator(document: DocumentNode): ComplexityEstimator {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  /** Cost of one row of each page list, by its field node (recorded before its paged parent is costed). */
  const perRow = new Map<FieldNode, number>();

  // The page list may sit behind inline fragments or fragment spreads: follow them (each fragment once).
  const pageListsIn = (set: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] =>
    (set?.selections ?? []).flatMap((s): FieldNode[] => {
      if (s.kind === Kind.FIELD) return PAGE_LISTS.has(s.name.value) ? [s] : [];
      if (s.kind === Kind.INLINE_FRAGMENT) return pageListsIn(s.selectionSet, seen);
      if (seen.has(s.name.value)) return [];
      seen.add(s.name.value);
      return pageListsIn(fragments.get(s.name.value)?.selectionSet, seen);
    });

  return ({ field, node, args, childComplexity }) => {
    const type = getNullableType(field.type);
    const objectList = isListType(type) && (isObjectType(getNamedType(type)) || isInterfaceType(getNamedType(type)));
    // Sizes past their bound are costed at the bound: argument validation refuses them next, and that answer
    // (BAD_USER_INPUT on `first`) says what is wrong; a cost error would not.
    if (typeof args.count === "number" && isListType(type)) {
      const max = field.extensions?.[MAX_COUNT_EXTENSION];
      return 1 + clamp(args.count, 0, typeof max === "number" ? max : args.count) * Math.max(1, childComplexity);
    }
    if (typeof args.first === "number") {
      const rows = clamp(args.first, 1, MAX_PAGE_SIZE);
      if (isListType(type)) return 1 + rows * Math.max(1, childComplexity);
      const oneRow = pageListsIn(node.selectionSet).reduce((sum, f) => sum + (perRow.get(f) ?? 0), 0);
      return 1 + childComplexity + (rows - 1) * oneRow;
    }
    if (objectList && PAGE_LISTS.has(field.name)) {
      perRow.set(node, Math.max(1, childComplexity));
      return 1 + Math.max(1, childComplexity);
    }
    if (objectList) return 1 + ASSUMED_LIST_LENGTH * Math.max(1, childComplexity);
    return undefined;
  };
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export function operationComplexity(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), pagedEstimator(query), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Variable sets remembered per document; past this many the document's memo starts over. */
const COSTS_PER_DOCUMENT = 256;

/**
 * operationComplexity, remembered per parsed document and variables. Apollo keeps one parsed DocumentNode per query
 * text, so a client that repeats its queries (every client does) has each one costed once per set of variables
 * instead of on every request (a walk of the whole operation, about 4% of a search request's CPU).
 */
export function memoizedComplexity(): typeof operationComplexity {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return (schema, query, variables = {}, operationName) => {
    const key = `${operationName ?? ""}\u0000${JSON.stringify(variables)}`;
    let known = costs.get(query);
    const remembered = known?.get(key);
    if (remembered !== undefined) return remembered;
    const total = operationComplexity(schema, query, variables, operationName);
    if (!known || known.size >= COSTS_PER_DOCUMENT) costs.set(query, (known = new Map()));
    known.set(key, total);
    return total;
  };
}

/**
 * Cost check after the operation is resolved (variables known, so `first: $n` counts as sent). Over the limit is a
 * 400 GRAPHQL_VALIDATION_FAILED: the query was well-formed but too big, and the client has to ask for less.
 */
export function complexityLimitPlugin(max = MAX_COMPLEXITY): ApolloServerPlugin {
  const cost = memoizedComplexity();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let total: number;
          try {
            total = cost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (err) {
            // Variables that do not fit their types (the library coerces them as execution will): execution refuses
            // them next with the usual BAD_USER_INPUT, before any resolver runs. Anything else is a real failure.
            if (err instanceof GraphQLError) return;
            throw err;
          }
          if (total > max) {
            throw new GraphQLError(LIMIT_MESSAGES.cost(total, max), {
              extensions: { code: LIMIT_CODE, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * The sentence for a refusal by one of graphql-js's own limits, or null for any other error: the token limit
 * (`parseOptions.maxTokens`), and validation aborted after 100 errors or when checking that repeated fields merge
 * costs too much (e.g. one field asked 800 times).
 */
export function builtInLimitMessage(code: unknown, message: string): string | null {
  if (code === "GRAPHQL_PARSE_FAILED" && /Document contains more tha[nt] \d+ tokens/.test(message))
    return LIMIT_MESSAGES.tokens(MAX_TOKENS);
  if (code === "GRAPHQL_VALIDATION_FAILED" && /Validation aborted\.$/.test(message))
    return LIMIT_MESSAGES.validationAborted();
  return null;
}

/** Rewrites graphql-js's own limit errors (see builtInLimitMessage) to the code and sentence every limit answers. */
export function builtInLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const message = builtInLimitMessage(error.extensions?.code, error.message);
            if (!message) continue;
            error.message = message;
            (error.extensions as Record<string, unknown>).code = LIMIT_CODE;
          }
        },
      };
    },
  };
}
