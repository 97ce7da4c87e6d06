import type { TestApp } from "./harness.js";

export interface HttpGql {
  /** The app's /graphql URL on an ephemeral loopback port. */
  url: string;
  /** POSTs a JSON operation; `headers` may add a cookie, an Origin, X-Forwarded-For… */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ res: Response; body: any }>;
}

/** Real HTTP against a test app: cookies, headers, CORS and status codes are part of what is tested. */
export async function listenForHttp(t: TestApp): Promise<HttpGql> {
  const port = await t.app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    async post(query, variables = {}, headers = {}) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { res, body: await res.json() };
    },
  };
}

/** `name=value` of the session cookie a response set (whatever its prefix), or null. */
export function sessionCookieOf(res: Response): string | null {
  return (
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => /^(__Host-)?tsunagu_session=./.test(c)) ?? null
  );
}
