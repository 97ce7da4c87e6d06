import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { PASSWORD_MESSAGES } from "./password.policy.js";
import { UserRole } from "../core/roles.js";

let t: TestApp;
let admin: Gql;
let coordinator: Gql;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id email displayName role organization { id } active } } }`;
const USERS = `query($first: Int!, $after: String) { users(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { email role } } } }`;
const PASSWORD = "midorino staff passphrase";

describe("createUser (ADMIN)", () => {
  it("creates a host account that can sign in with its initial password", async () => {
    const org = await t.factories.organization();
    const res = await admin(CREATE, {
      input: {
        email: "New.Host@Example.jp",
        displayName: "新しい 受け入れ担当",
        role: "HOST",
        organizationId: org.id,
        password: PASSWORD,
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser.user).toMatchObject({
      email: "new.host@example.jp",
      role: "HOST",
      organization: { id: org.id },
      active: true,
    });
    const signedIn = await t.app.services.auth.login("new.host@example.jp", PASSWORD);
    expect(signedIn.user.id).toBe(res.data!.createUser.user.id);
  });

  it("refuses a weak initial password with the policy's Japanese messages on input.password", async () => {
    const res = await admin(CREATE, {
      input: { email: "w1@example.jp", displayName: "弱い", role: "VIEWER", password: "password1234" },
    });
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    expect(res.errors![0].extensions!.fields).toEqual([
      { field: "input.password", messages: [PASSWORD_MESSAGES.common] },
    ]);
    const short = await admin(CREATE, {
      input: { email: "w2@example.jp", displayName: "短い", role: "VIEWER", password: "short" },
    });
    expect(short.errors![0].extensions!.fields).toEqual([
      { field: "input.password", messages: [PASSWORD_MESSAGES.tooShort] },
    ]);
    expect(await t.db.query("SELECT 1 FROM app_user WHERE email IN ('w1@example.jp', 'w2@example.jp')")).toEqual([]);
  });

  it("checks the organization of a host, and the email against existing accounts", async () => {
    const existing = await t.factories.user();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ email: "h@example.jp", role: "HOST" }, ["input.organizationId"]],
      [
        { email: "h2@example.jp", role: "HOST", organizationId: "00000000-0000-4000-8000-000000000000" },
        ["input.organizationId"],
      ],
      [{ email: "h3@example.jp", role: "HOST", organizationId: "not-a-uuid" }, ["input.organizationId"]],
      [{ email: existing.email.toUpperCase(), role: "VIEWER" }, ["input.email"]],
      [{ email: "not an email", role: "VIEWER" }, ["input.email"]],
      [{ email: "blank@example.jp", role: "VIEWER", displayName: "   " }, ["input.displayName"]],
    ];
    for (const [input, fields] of cases) {
      const res = await admin(CREATE, { input: { displayName: "テスト", password: PASSWORD, ...input } });
      expect(codesOf(res), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res), JSON.stringify(input)).toEqual(fields);
    }
  });

  it("is for ADMIN only", async () => {
    const input = { email: "sneaky@example.jp", displayName: "x", role: "ADMIN", password: PASSWORD };
    expect(codesOf(await coordinator(CREATE, { input }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(CREATE, { input }))).toEqual(["UNAUTHENTICATED"]);
    expect(await t.db.query("SELECT 1 FROM app_user WHERE email = 'sneaky@example.jp'")).toEqual([]);
  });
});

describe("users (ADMIN)", () => {
  it("lists accounts by email, page by page", async () => {
    const first = await admin(USERS, { first: 2 });
    expect(first.errors).toBeUndefined();
    const total = first.data!.users.totalCount;
    expect(total).toBeGreaterThanOrEqual(3);
    const emails: string[] = first.data!.users.edges.map((e: { node: { email: string } }) => e.node.email);
    let after = first.data!.users.pageInfo.endCursor;
    while (after) {
      const page = await admin(USERS, { first: 2, after });
      emails.push(...page.data!.users.edges.map((e: { node: { email: string } }) => e.node.email));
      after = page.data!.users.pageInfo.hasNextPage ? page.data!.users.pageInfo.endCursor : null;
    }
    expect(emails).toHaveLength(total);
    expect(emails).toEqual([...emails].sort());
  });

  it("is for ADMIN only", async () => {
    expect(codesOf(await coordinator(USERS, { first: 5 }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(USERS, { first: 5 }))).toEqual(["UNAUTHENTICATED"]);
  });
});
