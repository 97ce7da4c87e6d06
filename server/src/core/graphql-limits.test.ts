import { GraphQLObjectType, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "./roles.js";
import { today } from "@tsunagu/calendar";
import { MatchStage } from "../matching/match.enums.js";
import { getSchema } from "../schema.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { listenForHttp, type HttpGql } from "../test/http.js";
import {
  LIMIT_MESSAGES,
  MAX_ALIASES,
  MAX_COMPLEXITY,
  MAX_DEPTH,
  MAX_ROOT_FIELDS,
  MAX_TOKENS,
  depthLimitRule,
  memoizedComplexity,
  operationComplexity,
} from "./graphql-limits.js";
import { HEAVY_BOARD, HEAVY_PERSON, HEAVY_REFERRALS, HEAVY_SEARCH, HEAVY_SUGGEST } from "./graphql-limits.queries.js";
import { MAX_PAGE_SIZE } from "./pagination.js";

let t: TestApp;
let http: HttpGql;
let coordinator: Gql;
let host: Gql;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  http = await listenForHttp(t);
  const coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  const hostOrg = await t.factories.organization();
  host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: hostOrg.id }));
  // A person with something in every list the heavy queries read.
  const person = await t.factories.person({ coordinatorId: coordinatorUser.id, needs: { wantedActivities: ["体操"] } });
  personId = person.id;
  await t.factories.consent(person.id, { organizationId: hostOrg.id });
  const resource = await t.factories.resource({ organizationId: hostOrg.id });
  const match = await t.factories.match({
    personId,
    resourceId: resource.id,
    coordinatorId: coordinatorUser.id,
    path: [
      [MatchStage.HOST_COORDINATION, today()],
      [MatchStage.PROPOSED, today()],
      [MatchStage.VISIT_TRIAL, today()],
      [MatchStage.ACTIVE_FOLLOW_UP, today()],
    ],
  });
  await t.factories.followUpRecord(match);
  await t.factories.followUpDue(match);
  for (let i = 0; i < 3; i++) await t.factories.resource();
  await t.indexNow();
});
afterAll(() => t.close());

/** The smallest depth limit the operation passes (graphql-armor counts the leaf; fragments are flattened). */
async function depthOf(query: string): Promise<number> {
  const schema = await getSchema();
  const doc = parse(query);
  for (let n = 1; n <= 50; n++) if (validate(schema, doc, [depthLimitRule(n)]).length === 0) return n;
  return Infinity;
}

async function costOf(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  return operationComplexity(await getSchema(), parse(query), variables);
}

describe("limits leave headroom for the heaviest real queries", () => {
  const cases: [string, string, () => Gql, () => Record<string, unknown>][] = [
    [
      "searchResources, 100 hits, every facet",
      HEAVY_SEARCH,
      () => t.anonymous,
      () => ({ input: {}, first: MAX_PAGE_SIZE }),
    ],
    ["person detail", HEAVY_PERSON, () => coordinator, () => ({ id: personId })],
    ["myReferrals", HEAVY_REFERRALS, () => host, () => ({})],
    ["match board, 100 rows", HEAVY_BOARD, () => coordinator, () => ({ first: MAX_PAGE_SIZE })],
    ["suggestResources, 50", HEAVY_SUGGEST, () => coordinator, () => ({ personId, first: 50 })],
  ];
  const measured: Record<string, { depth: number; cost: number }> = {};

  it.each(cases)(
    "%s runs, within half the cost limit and 3 levels under the depth limit",
    async (name, query, as, vars) => {
      const depth = await depthOf(query);
      const cost = await costOf(query, vars());
      measured[name] = { depth, cost };
      const res = await as()(query, vars());
      expect(res.errors).toBeUndefined();
      expect(depth).toBeLessThanOrEqual(MAX_DEPTH - 3);
      expect(cost * 2).toBeLessThanOrEqual(MAX_COMPLEXITY);
    },
  );

  afterAll(() => {
    // `PRINT_LIMITS=1 npx vitest run …graphql-limits` shows the numbers quoted in graphql-limits.ts.
    if (process.env.PRINT_LIMITS) console.table(measured);
  });
});

describe("cost", () => {
  it("grows with the page size asked for, also through variables and fragments", async () => {
    const board = (n: number) => costOf(HEAVY_BOARD, { first: n });
    expect(await board(100)).toBeGreaterThan(9 * (await board(10)));
    const viaFragment = `query($n: Int!) { matches(first: $n) { ... on MatchConnection { ...E } } }
      fragment E on MatchConnection { edges { node { id stage person { id displayName } } } }`;
    const direct = `query($n: Int!) { matches(first: $n) { edges { node { id stage person { id displayName } } } } }`;
    expect(await costOf(viaFragment, { n: 100 })).toBe(await costOf(direct, { n: 100 }));
    expect(await costOf(direct, { n: 100 })).toBeGreaterThan(500);
  });

  it("is remembered per document and variables: the same answers as costing each time, for any order of requests", async () => {
    const schema = await getSchema();
    const cost = memoizedComplexity();
    const board = parse(HEAVY_BOARD);
    const search = parse(HEAVY_SEARCH);
    const asked: [ReturnType<typeof parse>, Record<string, unknown>][] = [
      [board, { first: 10 }],
      [board, { first: 100 }],
      [search, { first: 10, input: { text: "体操" } }],
      [board, { first: 10 }],
      [search, { first: 100, input: { text: "体操" } }],
      [search, { first: 10, input: { text: "体操" } }],
    ];
    const memoized = asked.map(([doc, variables]) => cost(schema, doc, variables));
    expect(memoized).toEqual(asked.map(([doc, variables]) => operationComplexity(schema, doc, variables)));
    expect(memoized[1]).toBeGreaterThan(memoized[0]);
    expect(memoized[4]).toBeGreaterThan(memoized[2]);
    // Past its bound a document's memo starts over and still answers right.
    for (let n = 1; n <= 300; n++) cost(schema, board, { first: (n % 100) + 1, unused: n });
    expect(cost(schema, board, { first: 100 })).toBe(memoized[1]);
  });

  it("leaves variables of the wrong type to execution's own BAD_USER_INPUT (not a 500)", async () => {
    const { body } = await http.post(`query($n: Int!) { matches(first: $n) { totalCount } }`, { n: "many" });
    expect(codesOf(body)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses two nested pages over HTTP with 400 GRAPHQL_VALIDATION_FAILED, before any resolver runs", async () => {
    const query = `{ matches(first: 100) { edges { node { person { matches {
      history { actor { id displayName } } followUps { id narrative recordedBy { id } } attendance { id } } } } } } }`;
    expect(await costOf(query)).toBeGreaterThan(MAX_COMPLEXITY);
    // Anonymous: had it been executed, the answer would be UNAUTHENTICATED instead.
    const { res, body } = await http.post(query);
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0].message).toMatch(/クエリが大きすぎます/);
    expect(body.data).toBeUndefined();
  });
});

describe("depth", () => {
  it("refuses a query deeper than the limit with 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const deep = `{ match(id: "x") { person { matches { person { matches { person { matches { person { matches { person { id } } } } } } } } } } }`;
    expect(await depthOf(deep)).toBeGreaterThan(MAX_DEPTH);
    const { res, body } = await http.post(deep);
    expect(res.status).toBe(400);
    expect(codesOf(body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(body.errors[0].message).toBe(LIMIT_MESSAGES.depth(MAX_DEPTH));
    expect(body.errors[0].message).toBe("クエリの入れ子が深すぎます (上限 10階層)。階層を減らしてください");
  });

  it("does not let fragments hide depth", async () => {
    const hidden = `{ match(id: "x") { ...A } }
      fragment A on Match { person { matches { ...B } } }
      fragment B on Match { person { matches { person { matches { person { matches { person { id } } } } } } } }`;
    const { res } = await http.post(hidden);
    expect(res.status).toBe(400);
  });
});

describe("aliases, root fields and tokens", () => {
  it("refuses more aliases than the limit", async () => {
    const ok = `{ me { ${Array.from({ length: MAX_ALIASES }, (_, i) => `a${i}: id`).join(" ")} } }`;
    expect((await http.post(ok)).res.status).toBe(200);
    const tooMany = `{ me { ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: id`).join(" ")} } }`;
    const { res, body } = await http.post(tooMany);
    expect(res.status).toBe(400);
    expect(body.errors[0].message).toMatch(/別名/);
  });

  it("refuses login attempts batched as aliases in one request", async () => {
    const attempts = Array.from(
      { length: MAX_ALIASES + 1 },
      (_, i) => `a${i}: login(input: { email: "x@example.jp", password: "guess-${i}-guess-guess" }) { user { id } }`,
    ).join(" ");
    const { res, body } = await http.post(`mutation { ${attempts} }`);
    expect(res.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect((await t.db.query("SELECT count(*)::int AS n FROM sign_in_throttle"))[0].n).toBe(0);
  });

  it("refuses more root fields than the limit, counted through fragments", async () => {
    const fields = Array.from({ length: MAX_ROOT_FIELDS + 1 }, () => "__typename").join(" ");
    expect((await http.post(`{ ${fields} }`)).res.status).toBe(400);
    expect((await http.post(`{ ...F } fragment F on Query { ${fields} }`)).res.status).toBe(400);
    expect(
      (await http.post(`{ ${Array.from({ length: MAX_ROOT_FIELDS }, () => "__typename").join(" ")} }`)).res.status,
    ).toBe(200);
  });

  it("stops parsing a document with too many tokens, answering like every other limit", async () => {
    const { res, body } = await http.post(`{ me { ${"id ".repeat(MAX_TOKENS)} } }`);
    expect(res.status).toBe(400);
    expect(codesOf(body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(body.errors[0].message).toBe("クエリが長すぎます (上限 5000トークン)。項目を減らしてください");
  });
});

describe("graphql-js's own validation limits", () => {
  it("answer one field asked 800 times (merging them costs too much) with the limit code and a Japanese sentence", async () => {
    const { res, body } = await http.post(`{ me { ${"id ".repeat(800)} } }`);
    expect(res.status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: LIMIT_MESSAGES.validationAborted(),
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", requestId: res.headers.get("x-request-id") },
      },
    ]);
    expect(body.errors[0].message).toMatch(/検証を打ち切りました/);
  });

  it("end a list of over 100 errors with the same sentence", async () => {
    const { res, body } = await http.post(`{ me { ${Array.from({ length: 150 }, (_, i) => `f${i}`).join(" ")} } }`);
    expect(res.status).toBe(400);
    expect(body.errors).toHaveLength(101);
    expect(body.errors.at(-1)).toEqual({
      message: LIMIT_MESSAGES.validationAborted(),
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", requestId: expect.any(String) },
    });
  });
});

describe("every limit", () => {
  const nested = `{ matches(first: 100) { edges { node { person { matches {
    history { actor { id displayName } } followUps { id narrative recordedBy { id } } attendance { id } } } } } } }`;
  const cases: [string, () => string, () => string][] = [
    [
      "depth",
      () =>
        `{ match(id: "x") { person { matches { person { matches { person { matches { person { matches { person { id } } } } } } } } } } }`,
      () => LIMIT_MESSAGES.depth(MAX_DEPTH),
    ],
    [
      "aliases",
      () => `{ me { ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: id`).join(" ")} } }`,
      () => LIMIT_MESSAGES.aliases(MAX_ALIASES),
    ],
    [
      "root fields",
      () => `{ ${"__typename ".repeat(MAX_ROOT_FIELDS + 1)} }`,
      () => LIMIT_MESSAGES.rootFields(MAX_ROOT_FIELDS, MAX_ROOT_FIELDS + 1),
    ],
    ["tokens", () => `{ me { ${"id ".repeat(MAX_TOKENS)} } }`, () => LIMIT_MESSAGES.tokens(MAX_TOKENS)],
    ["merging repeated fields", () => `{ me { ${"id ".repeat(800)} } }`, () => LIMIT_MESSAGES.validationAborted()],
  ];

  it.each(cases)(
    "%s: 400, GRAPHQL_VALIDATION_FAILED, its one Japanese sentence and the request id",
    async (_name, query, message) => {
      const { res, body } = await http.post(query());
      expect(res.status).toBe(400);
      expect(body.errors.map((e: { message: string }) => e.message)).toEqual([message()]);
      expect(codesOf(body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(body.errors[0].extensions.requestId).toBe(res.headers.get("x-request-id"));
      expect(body.errors[0].message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    },
  );

  it("cost: 400, GRAPHQL_VALIDATION_FAILED and its sentence with the cost found", async () => {
    const { res, body } = await http.post(nested);
    expect(res.status).toBe(400);
    expect(body.errors[0].message).toBe(LIMIT_MESSAGES.cost(await costOf(nested), MAX_COMPLEXITY));
    expect(codesOf(body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });
});

describe("page sizes", () => {
  it("bounds every size-like argument in the schema, and refuses one over the bound", async () => {
    const schema = await getSchema();
    const sizeArgs: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          if (/^(first|last|count|limit|take|withinDays|size|pageSize)$/.test(arg.name))
            sizeArgs.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    // Each of these is checked below; a new size argument must be added here together with its bound.
    expect(sizeArgs.sort()).toEqual([
      "CatalogImport.preview(first)",
      "Query.auditLog(first)",
      "Query.consultationIntakes(first)",
      "Query.cooperationRequests(first)",
      "Query.hostSupports(first)",
      "Query.matches(first)",
      "Query.meetingRecords(first)",
      "Query.myFollowUpsDue(withinDays)",
      "Query.organizations(first)",
      "Query.persons(first)",
      "Query.resources(first)",
      "Query.searchResources(first)",
      "Query.staleResources(first)",
      "Query.suggestResources(first)",
      "Query.users(first)",
      "Resource.nextSessions(count)",
    ]);
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    const resource = await t.factories.resource();
    const upload = await t.app.services.catalogImports.upload(
      {
        userId: (await t.factories.user({ role: UserRole.ADMIN })).id,
        role: UserRole.ADMIN,
        organizationId: null,
        displayName: "管理者",
        sessionId: "s",
      },
      "a.csv",
      Buffer.from("名称\nサロン\n"),
    );
    const over: [Gql, string, Record<string, unknown>][] = [
      [
        admin,
        `query($n: Int!, $id: ID!) { catalogImport(id: $id) { preview(first: $n) { lineCount } } }`,
        { n: 501, id: upload.id },
      ],
      [admin, `query($n: Int!) { auditLog(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { matches(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { consultationIntakes(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { meetingRecords(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { cooperationRequests(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { hostSupports(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { myFollowUpsDue(withinDays: $n) { state } }`, { n: 91 }],
      [admin, `query($n: Int!) { organizations(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { persons(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { resources(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { searchResources(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [admin, `query($n: Int!) { staleResources(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [
        coordinator,
        `query($n: Int!, $p: ID!) { suggestResources(personId: $p, first: $n) { totalCandidates } }`,
        { n: 51, p: personId },
      ],
      [admin, `query($n: Int!) { users(first: $n) { totalCount } }`, { n: MAX_PAGE_SIZE + 1 }],
      [
        admin,
        `query($n: Int!, $id: ID!) { resource(id: $id) { nextSessions(count: $n) { date } } }`,
        { n: 51, id: resource.id },
      ],
    ];
    for (const [as, query, variables] of over) {
      expect(codesOf(await as(query, variables)), query).toEqual(["BAD_USER_INPUT"]);
    }
  });
});
