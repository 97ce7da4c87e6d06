import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, createTestApp, type TestApp } from "./test/harness.js";
import { listenForHttp, type HttpGql } from "./test/http.js";

/** Errors a client and an operator can trust: JSON with a code and a request id, Japanese, never a stack. */

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  err?: { stack?: string };
  code?: string;
  message?: string;
}

/** The app's log as parsed lines (pino's JSON), for assertions on level and content. */
function capturingLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), lines };
}

const INFO = 30;
const ERROR = 50;
/** What Express's default error page shows: a stack, absolute paths, HTML. */
const LEAK = /<html|<pre>|\bat \S+ \(|node_modules|\/work\/|\.js:\d+|\.ts:\d+|SyntaxError|PayloadTooLargeError/;

async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  return {
    res,
    text,
    body: JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] },
  };
}

describe.each([
  ["development", false],
  ["production", true],
] as const)("HTTP errors from /graphql (%s)", (_mode, production) => {
  let t: TestApp;
  let http: HttpGql;
  let log: ReturnType<typeof capturingLogger>;
  beforeAll(async () => {
    log = capturingLogger();
    t = await createTestApp({ config: { production, cookieSecure: production }, logger: log.logger });
    http = await listenForHttp(t);
  });
  afterAll(() => t.close());

  const linesOf = (requestId: string) => log.lines.filter((l) => l.requestId === requestId);

  it("answers a body that is not JSON with 400 BAD_REQUEST in the GraphQL error shape, logged at info without a stack", async () => {
    const { res, text, body } = await postRaw(http.url, `{"query": "{ __typename }",`, {
      "x-request-id": `bad-json-${String(production)}`,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toEqual({
      errors: [
        {
          message: "送信内容が正しい JSON ではありません",
          extensions: { code: "BAD_REQUEST", requestId: `bad-json-${String(production)}` },
        },
      ],
    });
    expect(text).not.toMatch(LEAK);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = linesOf(`bad-json-${String(production)}`);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[INFO, "refused an HTTP request"]]);
    expect(JSON.stringify(lines)).not.toMatch(/stack/);
  });

  it("answers a body over the limit with 413 PAYLOAD_TOO_LARGE, same shape, with the generated request id", async () => {
    const { res, text, body } = await postRaw(
      http.url,
      JSON.stringify({ query: "{ __typename }", pad: "あ".repeat(400_000) }),
    );
    expect(res.status).toBe(413);
    const requestId = res.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({
      errors: [
        {
          message: "送信内容が大きすぎます (上限 1MB)。内容を減らしてください",
          extensions: { code: "PAYLOAD_TOO_LARGE", requestId },
        },
      ],
    });
    expect(text).not.toMatch(LEAK);
    expect(linesOf(requestId).map((l) => l.level)).toEqual([INFO]);
  });

  it("gives Apollo's own refusals (CSRF, a request without a query) the request id too", async () => {
    const csrf = await fetch(http.url, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-request-id": "csrf-refused-1" },
      body: "{}",
    });
    expect(csrf.status).toBe(400);
    const csrfBody = (await csrf.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(csrfBody.errors[0].extensions).toEqual({ code: "BAD_REQUEST", requestId: "csrf-refused-1" });
    expect(csrfBody.errors[0].message).toMatch(/Cross-Site Request Forgery/);

    const { res, body } = await postRaw(http.url, JSON.stringify({ variables: {} }), {
      "x-request-id": "no-query-1234",
    });
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "BAD_REQUEST", requestId: "no-query-1234" });
  });

  it("logs a malformed or invalid query at info without a stack, never at error", async () => {
    const parse = await http.post(`{ me { id `, {}, { "x-request-id": "parse-failed-1" });
    expect(codesOf(parse.body)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    const invalid = await http.post(`{ me { nosuchfield } }`, {}, { "x-request-id": "invalid-query-1" });
    expect(codesOf(invalid.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const deep = `{ match(id: "x") { person { matches { person { matches { person { matches { person { matches { person { id } } } } } } } } } } }`;
    await http.post(deep, {}, { "x-request-id": "too-deep-query-1" });
    const variables = await http.post(
      `query($n: Int!) { matches(first: $n) { totalCount } }`,
      { n: "山田花子" },
      { "x-request-id": "bad-variable-1" },
    );
    expect(codesOf(variables.body)).toEqual(["BAD_USER_INPUT"]);

    for (const id of ["parse-failed-1", "invalid-query-1", "too-deep-query-1", "bad-variable-1"]) {
      const lines = linesOf(id);
      expect(
        lines.map((l) => [l.level, l.msg]),
        id,
      ).toEqual([[INFO, "refused a GraphQL request"]]);
      expect(lines[0].err, id).toBeUndefined();
    }
    expect(linesOf("invalid-query-1")[0].code).toBe("GRAPHQL_VALIDATION_FAILED");
    // A variable's error quotes the value sent (possibly personal data): not logged.
    expect(JSON.stringify(linesOf("bad-variable-1"))).not.toMatch(/山田花子/);
    expect(parse.body.errors[0].extensions.requestId).toBe("parse-failed-1");
  });

  it("keeps level error for the server's own faults, with the stack", async () => {
    await t.db.query("ALTER TABLE area RENAME TO area_gone");
    try {
      const { body } = await http.post(`{ areas { id name } }`, {}, { "x-request-id": "server-fault-1" });
      expect(codesOf(body)).toEqual(["INTERNAL_SERVER_ERROR"]);
      const [line] = linesOf("server-fault-1").filter((l) => l.level >= ERROR);
      expect(line.err?.stack).toMatch(/area/);
    } finally {
      await t.db.query("ALTER TABLE area_gone RENAME TO area");
    }
  });

  it("logs a failure to build the request's context (before any operation) at error, with the stack and the request id", async () => {
    await t.db.query("ALTER TABLE user_session RENAME TO user_session_gone");
    try {
      const cookie = `${production ? "__Host-" : ""}tsunagu_session=${"a".repeat(43)}`;
      const { res, body } = await http.post(`{ __typename }`, {}, { cookie, "x-request-id": "context-failed-1" });
      expect(res.status).toBe(500);
      expect(body.errors).toEqual([
        {
          message: "サーバーで問題が発生しました。時間をおいて再度お試しください。",
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "context-failed-1" },
        },
      ]);
      const [line] = linesOf("context-failed-1").filter((l) => l.level >= ERROR);
      expect(line.err?.stack).toMatch(/user_session/);
    } finally {
      await t.db.query("ALTER TABLE user_session_gone RENAME TO user_session");
    }
  });
});

describe('suggestions ("Did you mean …?")', () => {
  let dev: TestApp;
  let prod: TestApp;
  let devHttp: HttpGql;
  let prodHttp: HttpGql;
  beforeAll(async () => {
    [dev, prod] = await Promise.all([
      createTestApp(),
      createTestApp({ config: { production: true, cookieSecure: true } }),
    ]);
    [devHttp, prodHttp] = await Promise.all([listenForHttp(dev), listenForHttp(prod)]);
  });
  afterAll(() => Promise.all([dev.close(), prod.close()]));

  const typos: [string, string, Record<string, unknown>][] = [
    ["a misspelt root field", `{ persn { id } }`, {}],
    [
      "a misspelt enum value in a variable",
      `query($k: [ResourceKind!]) { searchResources(first: 5, input: { kinds: $k }) { totalCount } }`,
      { k: ["SALN"] },
    ],
    [
      "a misspelt input field in a variable",
      `query($i: SearchResourcesInput!) { searchResources(first: 5, input: $i) { totalCount } }`,
      { i: { kindz: [] } },
    ],
  ];

  it.each(typos)("are given for %s in development", async (_what, query, variables) => {
    const { body } = await devHttp.post(query, variables);
    expect(body.errors[0].message).toMatch(/Did you mean/);
  });

  it.each(typos)(
    "are not given for %s in production, where the schema is not public",
    async (_what, query, variables) => {
      const { res, body } = await prodHttp.post(query, variables);
      expect(res.status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message).not.toMatch(/Did you mean|"person"|"persons"|"users"|SALON|"kinds"/);
    },
  );
});
