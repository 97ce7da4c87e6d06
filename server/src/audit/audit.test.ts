import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type User } from "../auth/user.entity.js";
import { UserRole } from "../core/roles.js";
import { today } from "@tsunagu/calendar";
import { MatchStage } from "../matching/match.enums.js";
import { TEST_PASSWORD } from "../test/factories.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";

/**
 * The audit trail through the real pipeline: which rows each read, write, refusal and sign-in leaves, over
 * in-process execution and once over HTTP (request id header, client address, cookie).
 */
let t: TestApp;
let admin: User;
let coordinatorUser: User;
let coordinator: Gql;
let hostUser: User;
let host: Gql;
let hostOrgId: string;

interface Row {
  id: string;
  action: string;
  actor_user_id: string | null;
  actor_role: string | null;
  entity_type: string | null;
  record_id: string | null;
  person_id: string | null;
  operation: string | null;
  request_id: string;
  client_address: string | null;
  detail: Record<string, any>;
}
const lastId = async (): Promise<number> =>
  Number((await t.db.query("SELECT coalesce(max(id), 0) AS id FROM audit_event"))[0].id);
const rowsAfter = (id: number): Promise<Row[]> =>
  t.db.query("SELECT * FROM audit_event WHERE id > $1 ORDER BY id", [id]);
/** The rows one call leaves (tests in a file run one at a time). */
async function audited<T>(call: () => Promise<T>): Promise<{ result: T; rows: Row[] }> {
  const before = await lastId();
  const result = await call();
  return { result, rows: await rowsAfter(before) };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.factories.user({ role: UserRole.ADMIN });
  coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  hostOrgId = (await t.factories.organization()).id;
  hostUser = await t.factories.user({ role: UserRole.HOST, organizationId: hostOrgId });
  host = await t.asViewer(hostUser);
});
afterAll(() => t.close());

describe("reads of personal data", () => {
  it("a list of 50 persons is 50 READ rows written by one insert, with the field names asked and no values", async () => {
    const tag = `監査一覧${Date.now()}`;
    const persons = [];
    for (let i = 0; i < 50; i++)
      persons.push(await t.factories.person({ displayName: `${tag} ${i}`, coordinatorId: coordinatorUser.id }));
    const { result, rows } = await audited(() =>
      coordinator(
        `query($text: String) { list: persons(first: 50, text: $text) { totalCount edges { node { id displayName needs { wishes } } } } }`,
        { text: tag },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.list.edges).toHaveLength(50);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.record_id))).toEqual(new Set(persons.map((p) => p.id)));
    for (const r of rows) {
      expect(r).toMatchObject({
        action: "READ",
        entity_type: "Person",
        person_id: r.record_id,
        operation: "persons",
        actor_user_id: coordinatorUser.id,
        actor_role: "COORDINATOR",
        client_address: null,
      });
      expect(r.detail).toEqual({ fields: ["displayName", "id", "needs"] });
    }
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(1);
    // One statement: the rows share the inserting transaction id.
    const [{ n }] = await t.db.query(
      "SELECT count(DISTINCT xmin::text)::int AS n FROM audit_event WHERE id = ANY($1::bigint[])",
      [rows.map((r) => r.id)],
    );
    expect(n).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(tag);

    // Counting is not reading anyone.
    expect(
      (await audited(() => coordinator(`query($text: String) { persons(text: $text) { totalCount } }`, { text: tag })))
        .rows,
    ).toEqual([]);
  });

  it("records persons, consents and follow-up records once each, under the root field's name (not its alias)", async () => {
    // One consent (below): the person's basis, and the one row of it the read must record.
    const person = await t.factories.person({ coordinatorId: coordinatorUser.id, withConsent: false });
    const consent = await t.factories.consent(person.id);
    const match = await t.factories.match({
      personId: person.id,
      coordinatorId: coordinatorUser.id,
      path: [[MatchStage.HOST_COORDINATION, today()]],
    });
    const record = await t.factories.followUpRecord(match);
    const { result, rows } = await audited(() =>
      coordinator(
        `query($id: ID!, $m: ID!) { p: person(id: $id) { ...P consents { id state } } again: person(id: $id) { id }
         m: match(id: $m) { followUps { id narrative } } }
       fragment P on Person { displayName }`,
        { id: person.id, m: match.id },
      ),
    );
    expect(result.errors).toBeUndefined();
    const summary = rows.map((r) => [r.entity_type, r.record_id, r.person_id, r.operation]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["Person", person.id, person.id, "person"],
        ["Consent", consent.id, person.id, "person"],
        ["FollowUpRecord", record.id, person.id, "match"],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.entity_type === "Person")!.detail.fields).toEqual(["consents", "displayName", "id"]);
  });

  it("records what a host was shown of a person (ReferralPerson) by match and person, and nothing when no facts were asked", async () => {
    const person = await t.factories.person({ displayName: "紹介 花子" });
    await t.factories.consent(person.id, { organizationId: hostOrgId });
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const match = await t.factories.match({
      personId: person.id,
      resourceId: resource.id,
      path: [[MatchStage.HOST_COORDINATION, today()]],
    });
    const { rows } = await audited(() =>
      host(`query($id: ID!) { referral(id: $id) { id person { displayName wishes } } }`, { id: match.id }),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: "READ",
        entity_type: "ReferralPerson",
        record_id: match.id,
        person_id: person.id,
        operation: "referral",
        actor_user_id: hostUser.id,
        actor_role: "HOST",
        detail: { fields: ["displayName", "wishes"] },
      }),
    ]);
    expect((await audited(() => host(`{ myReferrals { id stage } }`))).rows).toEqual([]);
  });
});

describe("writes", () => {
  it("createPerson, recordConsent, transitionMatch and recordFollowUp: who, what, which record, names of fields only", async () => {
    const secret = `秘密の名前${Date.now()}`;
    const created = await audited(() =>
      coordinator(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: {
          displayName: secret,
          contactNote: "夜は電話に出ない",
          consent: { purpose: "SUPPORT_PLAN", facts: ["DISPLAY_NAME"], method: "VERBAL", givenOn: today() },
        },
      }),
    );
    const personId = created.result.data!.createPerson.person.id;
    expect(created.rows).toEqual([
      expect.objectContaining({
        action: "CREATE",
        entity_type: "Person",
        record_id: personId,
        person_id: personId,
        operation: "createPerson",
        actor_user_id: coordinatorUser.id,
        actor_role: "COORDINATOR",
        detail: { fields: ["contactNote", "displayName"], withConsent: true, supportMeetingGroupId: null },
      }),
      expect.objectContaining({
        action: "READ",
        entity_type: "Person",
        record_id: personId,
        detail: { fields: ["id"] },
      }),
    ]);
    expect(created.rows[0].request_id).toBe(created.rows[1].request_id);

    const consent = await audited(() =>
      coordinator(`mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`, {
        input: {
          personId,
          purpose: "HOST_REFERRAL",
          organizationId: hostOrgId,
          facts: ["DISPLAY_NAME", "AREA"],
          method: "WRITTEN",
          givenOn: today(),
          note: "母同席で説明",
        },
      }),
    );
    const consentId = consent.result.data!.recordConsent.consent.id;
    expect(consent.rows.find((r) => r.action === "CREATE")).toMatchObject({
      entity_type: "Consent",
      record_id: consentId,
      person_id: personId,
      operation: "recordConsent",
      actor_role: "COORDINATOR",
      detail: { purpose: "HOST_REFERRAL", organizationId: hostOrgId, facts: ["DISPLAY_NAME", "AREA"] },
    });

    const match = await t.factories.match({
      personId,
      coordinatorId: coordinatorUser.id,
      path: [[MatchStage.HOST_COORDINATION, today()]],
    });
    const moved = await audited(() =>
      coordinator(`mutation($input: TransitionMatchInput!) { transitionMatch(input: $input) { match { stage } } }`, {
        input: { matchId: match.id, to: "PROPOSED", expectedVersion: match.version },
      }),
    );
    expect(moved.result.errors).toBeUndefined();
    expect(moved.rows).toEqual([
      expect.objectContaining({
        action: "UPDATE",
        entity_type: "Match",
        record_id: match.id,
        person_id: personId,
        operation: "transitionMatch",
        detail: { to: "PROPOSED" },
      }),
    ]);

    const followUp = await audited(() =>
      coordinator(`mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { followUp { id } } }`, {
        input: {
          matchId: match.id,
          contactedOn: today(),
          method: "PHONE",
          counterparts: ["PERSON"],
          changeObserved: false,
          narrative: "笑顔が増えた",
        },
      }),
    );
    expect(followUp.result.errors).toBeUndefined();
    const recordId = followUp.result.data!.recordFollowUp.followUp.id;
    expect(followUp.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "CREATE",
          entity_type: "FollowUpRecord",
          record_id: recordId,
          person_id: personId,
          operation: "recordFollowUp",
          detail: { matchId: match.id, dueId: null },
        }),
      ]),
    );

    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE detail::text LIKE ANY($1) OR record_id LIKE ANY($1)",
      [[`%${secret}%`, "%夜は電話%", "%母同席%", "%笑顔%"]],
    );
    expect(n).toBe(0);
  });

  it("updateResource, respondToReferral by a HOST and updateMunicipalSettings by an ADMIN", async () => {
    const resource = await t.factories.resource({ organizationId: hostOrgId });
    const updated = await audited(() =>
      host(`mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`, {
        input: { id: resource.id, openings: 2, description: "説明" },
      }),
    );
    expect(updated.rows).toEqual([
      expect.objectContaining({
        action: "UPDATE",
        entity_type: "Resource",
        record_id: resource.id,
        operation: "updateResource",
        actor_user_id: hostUser.id,
        actor_role: "HOST",
        detail: { fields: ["description", "openings"] },
      }),
    ]);

    const person = await t.factories.person();
    await t.factories.consent(person.id, { organizationId: hostOrgId });
    const match = await t.factories.match({
      personId: person.id,
      resourceId: resource.id,
      path: [[MatchStage.HOST_COORDINATION, today()]],
    });
    const responded = await audited(() =>
      host(`mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { id hostResponse } }`, {
        input: { matchId: match.id, response: "DECLINED", reason: "定員に空きがない" },
      }),
    );
    expect(responded.result.errors).toBeUndefined();
    expect(responded.rows).toEqual([
      expect.objectContaining({
        action: "UPDATE",
        entity_type: "Match",
        record_id: match.id,
        person_id: person.id,
        operation: "respondToReferral",
        actor_user_id: hostUser.id,
        actor_role: "HOST",
        detail: { response: "DECLINED" },
      }),
    ]);

    const asAdmin = await t.asViewer(admin);
    const settings = await audited(() =>
      asAdmin(
        `mutation { updateMunicipalSettings(input: { auditRetentionDays: 2000, firstCheckDays: 10 }) { auditRetentionDays } }`,
      ),
    );
    expect(settings.result.data!.updateMunicipalSettings.auditRetentionDays).toBe(2000);
    expect(settings.rows).toEqual([
      expect.objectContaining({
        action: "UPDATE",
        entity_type: "MunicipalSettings",
        record_id: "1",
        operation: "updateMunicipalSettings",
        actor_user_id: admin.id,
        actor_role: "ADMIN",
        detail: { fields: ["auditRetentionDays", "firstCheckDays"] },
      }),
    ]);
    await asAdmin(
      `mutation { updateMunicipalSettings(input: { auditRetentionDays: 1825, firstCheckDays: 14 }) { id: auditRetentionDays } }`,
    );
  });

  it("bad input and conflicts leave no row (nothing was written); refusals leave a DENIED row naming the record asked for", async () => {
    const match = await t.factories.match({ path: [[MatchStage.HOST_COORDINATION, today()]] });
    const TRANSITION = `mutation($input: TransitionMatchInput!) { transitionMatch(input: $input) { match { id } } }`;
    const bad = await audited(() =>
      coordinator(TRANSITION, { input: { matchId: match.id, to: "CLOSED", expectedVersion: match.version } }),
    );
    expect(codesOf(bad.result)).toEqual(["BAD_USER_INPUT"]);
    expect(bad.rows).toEqual([]);

    const forbidden = await audited(() =>
      host(TRANSITION, { input: { matchId: match.id, to: "PROPOSED", expectedVersion: 1 } }),
    );
    expect(codesOf(forbidden.result)).toEqual(["FORBIDDEN"]);
    expect(forbidden.rows).toEqual([
      expect.objectContaining({
        action: "DENIED",
        entity_type: "Match",
        record_id: match.id,
        operation: "transitionMatch",
        actor_user_id: hostUser.id,
        actor_role: "HOST",
        detail: { code: "FORBIDDEN", argument: "input.matchId" },
      }),
    ]);

    const anonymous = await audited(() =>
      t.anonymous(`mutation { createPerson(input: { displayName: "匿名" }) { person { id } } }`),
    );
    expect(codesOf(anonymous.result)).toEqual(["UNAUTHENTICATED"]);
    expect(anonymous.rows).toEqual([
      expect.objectContaining({
        action: "DENIED",
        entity_type: "Person",
        record_id: null,
        operation: "createPerson",
        actor_user_id: null,
        actor_role: null,
        detail: { code: "UNAUTHENTICATED" },
      }),
    ]);

    // A person outside the viewer's 支援会議 is NOT_FOUND; probing for them is recorded, reads too.
    const member = await t.factories.user();
    const hidden = await t.factories.person({
      track: "SUPPORT_MEETING" as never,
      supportMeetingGroupId: (await t.factories.supportMeetingGroup([member.id])).id,
    });
    const probe = await audited(() =>
      coordinator(`query($id: ID!) { person(id: $id) { displayName } }`, { id: hidden.id }),
    );
    expect(codesOf(probe.result)).toEqual(["NOT_FOUND"]);
    expect(probe.rows).toEqual([
      expect.objectContaining({
        action: "DENIED",
        entity_type: "Person",
        record_id: hidden.id,
        operation: "person",
        detail: { code: "NOT_FOUND", argument: "id" },
      }),
    ]);
  });
});

describe("over HTTP", () => {
  it("login, a read and logout carry the X-Request-Id and the client address; a failed login stores no e-mail", async () => {
    const port = await t.app.listen(0, "127.0.0.1");
    const post = async (query: string, variables: Record<string, unknown>, requestId: string, cookie?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { res, body: (await res.json()) as { data?: any; errors?: any[] } };
    };
    const user = await t.factories.user({ role: UserRole.COORDINATOR, email: `audit-http-${Date.now()}@example.jp` });
    const person = await t.factories.person({ coordinatorId: user.id });
    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;

    const failed = await post(
      LOGIN,
      { input: { email: user.email, password: "wrong password" } },
      "audit-req-failed-1",
    );
    expect(codesOf(failed.body)).toEqual(["UNAUTHENTICATED"]);
    const unknownEmail = `nobody-${Date.now()}@example.jp`;
    await post(LOGIN, { input: { email: unknownEmail, password: "x" } }, "audit-req-failed-2");
    const login = await post(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }, "audit-req-login-1");
    const cookie = login.res.headers.get("set-cookie")!.split(";")[0];
    await post(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id }, "audit-req-read-1", cookie);
    await post(`mutation { logout }`, {}, "audit-req-logout-1", cookie);

    const rows: Row[] = await t.db.query("SELECT * FROM audit_event WHERE request_id LIKE 'audit-req-%' ORDER BY id");
    expect(
      rows.map((r) => [r.request_id, r.action, r.actor_user_id, r.actor_role, r.entity_type, r.record_id, r.operation]),
    ).toEqual([
      ["audit-req-failed-1", "LOGIN_FAILED", null, null, "User", user.id, "login"],
      ["audit-req-failed-2", "LOGIN_FAILED", null, null, null, null, "login"],
      ["audit-req-login-1", "LOGIN", user.id, "COORDINATOR", "User", user.id, "login"],
      ["audit-req-read-1", "READ", user.id, "COORDINATOR", "Person", person.id, "person"],
      ["audit-req-logout-1", "LOGOUT", user.id, "COORDINATOR", "User", user.id, "logout"],
    ]);
    for (const r of rows) expect(r.client_address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(rows[0].detail).toEqual({ code: "UNAUTHENTICATED", knownAccount: true });
    expect(rows[1].detail).toEqual({ code: "UNAUTHENTICATED", knownAccount: false });
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE detail::text ILIKE $1 OR detail::text ILIKE $2",
      [`%${unknownEmail}%`, `%${user.email}%`],
    );
    expect(n).toBe(0);
  });
});

describe("auditLog", () => {
  it("is for administrators only; refusals are themselves recorded", async () => {
    const Q = `{ auditLog { totalCount } }`;
    expect(codesOf(await coordinator(Q))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await host(Q))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await t.anonymous(Q))).toEqual(["UNAUTHENTICATED"]);
    const denied: Row[] = await t.db.query(
      "SELECT * FROM audit_event WHERE operation = 'auditLog' AND action = 'DENIED' ORDER BY id",
    );
    expect(denied.map((r) => [r.actor_role, r.detail.code])).toEqual([
      ["COORDINATOR", "FORBIDDEN"],
      ["HOST", "FORBIDDEN"],
      [null, "UNAUTHENTICATED"],
    ]);
  });

  it("filters, pages newest first with a total, and records each reading as one AuditLog READ", async () => {
    const asAdmin = await t.asViewer(admin);
    const person = await t.factories.person({ coordinatorId: coordinatorUser.id });
    const start = new Date(Date.now() - 1000).toISOString();
    for (let i = 0; i < 3; i++) await coordinator(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id });
    await coordinator(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }`, {
      input: { id: person.id, contactNote: "x" },
    });

    const LOG = `query($filter: AuditLogFilter, $first: Int!, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id action entityType recordId personId operation actorRole actor { id } requestId occurredAt detail } } } }`;
    const filter = { personId: person.id, actorUserId: coordinatorUser.id, from: start };
    const first = await audited(() => asAdmin(LOG, { filter, first: 3 }));
    expect(first.result.errors).toBeUndefined();
    const page1 = first.result.data!.auditLog;
    // 3 reads, the update, and the read of the person the mutation answered with (same request, inserted after it).
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: any) => [e.node.action, e.node.operation])).toEqual([
      ["READ", "updatePerson"],
      ["UPDATE", "updatePerson"],
      ["READ", "person"],
    ]);
    expect(page1.edges[1].node).toMatchObject({
      entityType: "Person",
      recordId: person.id,
      operation: "updatePerson",
      actorRole: "COORDINATOR",
      actor: { id: coordinatorUser.id },
      detail: { fields: ["contactNote"] },
    });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await asAdmin(LOG, { filter, first: 3, after: page1.pageInfo.endCursor })).data!.auditLog;
    expect(page2.edges).toHaveLength(2);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const ids = [...page1.edges, ...page2.edges].map((e: any) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    expect(first.rows).toEqual([
      expect.objectContaining({
        action: "READ",
        entity_type: "AuditLog",
        record_id: null,
        operation: "auditLog",
        actor_user_id: admin.id,
        actor_role: "ADMIN",
        detail: { filter: { ...filter, from: start }, returned: 3 },
      }),
    ]);

    const one = async (f: Record<string, unknown>) =>
      (await asAdmin(LOG, { filter: { personId: person.id, ...f }, first: 100 })).data!.auditLog.totalCount;
    expect(await one({ actions: ["UPDATE"] })).toBe(1);
    expect(await one({ actions: ["READ", "UPDATE"], actorRole: "COORDINATOR" })).toBe(5);
    expect(await one({ actorRole: "HOST" })).toBe(0);
    expect(await one({ operation: "person", entityType: "Person", recordId: person.id })).toBe(3);
    expect(await one({ requestId: page1.edges[0].node.requestId })).toBe(2);
    expect(await one({ to: start })).toBe(0);
    expect(await one({ entityType: "Consent" })).toBe(0);
    expect(codesOf(await asAdmin(LOG, { filter: { from: start, to: start }, first: 1 }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await asAdmin(LOG, { first: 101 }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await asAdmin(LOG, { first: 1, after: "bm9wZQ" }))).toEqual(["BAD_USER_INPUT"]);
  });
});
