import { inject } from "vitest";

/** Every demo user's password (README, 「Demo logins」). */
export const DEMO_PASSWORD = "tsunagu-demo-2026";

export const baseUrl = () => inject("e2eBaseUrl");

interface GqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POST /graphql as the holder of `cookie` (or signed out). JSON bodies pass Apollo's CSRF prevention. */
async function post<T>(
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
): Promise<{ body: GqlResponse<T>; headers: Headers }> {
  const res = await fetch(`${baseUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as GqlResponse<T>, headers: res.headers };
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { user { id role } } }`;

export interface SessionCookie {
  name: string;
  value: string;
}

/** Signs in through the API and returns the session cookie the server set. */
async function loginCookie(email: string): Promise<SessionCookie> {
  const { body, headers } = await post(LOGIN, { input: { email, password: DEMO_PASSWORD } });
  if (body.errors?.length) throw new Error(`login as ${email} failed: ${body.errors.map((e) => e.message).join("; ")}`);
  const setCookie = headers.getSetCookie()[0];
  if (!setCookie) throw new Error(`login as ${email} set no cookie`);
  const [pair] = setCookie.split(";");
  const eq = pair.indexOf("=");
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
}

export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const sessions = new Map<string, Promise<SessionCookie>>();

/** One API sign-in per user per test file (argon2 makes each one slow on purpose); pages and API calls share it. */
export function sessionCookie(email: string): Promise<SessionCookie> {
  if (!sessions.has(email)) sessions.set(email, loginCookie(email));
  return sessions.get(email)!;
}

/**
 * A GraphQL caller signed in as `email` (one login per user per test file). It throws on any GraphQL error, with
 * the codes, so seeding fails where the data is wrong and not three steps later in the browser.
 */
export function apiAs(email: string): Gql {
  return async (query, variables = {}) => {
    const cookie = await sessionCookie(email);
    const { body } = await post(query, variables, `${cookie.name}=${cookie.value}`);
    if (body.errors?.length) {
      const list = body.errors.map(
        (e) =>
          `${typeof e.extensions?.code === "string" ? e.extensions.code : "?"}: ${e.message} ${JSON.stringify(e.extensions?.fields ?? "")}`,
      );
      throw new Error(`GraphQL as ${email} failed:\n${list.join("\n")}\n${query}`);
    }
    return body.data as never;
  };
}

/** One seeding call as `email` (browser tests seed their data through the API, not through the UI). */
export function seedViaApi<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return apiAs(email)<T>(query, variables);
}

/** The calendar day (YYYY-MM-DD) in Japan, the server's calendar for 参加日, 同意日 and 年度. */
export function japanDateOf(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

export const todayInJapan = () => japanDateOf(new Date());

/** 年度 (April–March) of a YYYY-MM-DD date. */
export function fiscalYearOf(date: string): number {
  const [year, month] = date.split("-").map(Number);
  return month < 4 ? year - 1 : year;
}
