import { addDays, today } from "@tsunagu/calendar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/user.entity.js";
import { AuditAction } from "../audit/audit.enums.js";
import { UserRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { MatchStage } from "../matching/match.enums.js";
import { HouseholdCircumstance, PersonTrack } from "../people/person.enums.js";
import { Person } from "../people/person.entity.js";
import { TEST_PASSWORD } from "../test/factories.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { ERASED_NAME } from "./erasure.js";
import { PersonCorrection, PersonErasure } from "./person-rights.entity.js";
import { RetentionService } from "./person-rights.service.js";

const S = MatchStage;
let t: TestApp;
let base: string;
let coordinatorUser: User;
let coordinator: Gql;
let admin: Gql;
let adminUser: User;
let host: Gql;
let hostUser: User;
let outsider: Gql;
let outsiderUser: User;

const PERSON = /* GraphQL */ `
  query ($id: ID!) {
    person(id: $id) {
      id
      displayName
      contactNote
      stoppedOn
      stopReason
      erasedAt
      retentionEndsOn
      corrections {
        field
        before
        after
        reason
      }
      erasure {
        cause
        counts
      }
    }
  }
`;
const CORRECT = /* GraphQL */ `
  mutation ($input: CorrectPersonInput!) {
    correctPerson(input: $input) {
      person {
        id
        displayName
        version
        corrections {
          field
          before
          after
          reason
        }
      }
    }
  }
`;
const STOP = /* GraphQL */ `
  mutation ($input: StopPersonUseInput!) {
    stopPersonUse(input: $input) {
      person {
        id
        stoppedOn
        stopReason
      }
    }
  }
`;
const RESUME = /* GraphQL */ `
  mutation ($input: ResumePersonUseInput!) {
    resumePersonUse(input: $input) {
      person {
        id
        stoppedOn
      }
    }
  }
`;
const ERASE = /* GraphQL */ `
  mutation ($input: ErasePersonInput!) {
    erasePerson(input: $input) {
      person {
        id
        displayName
        erasedAt
      }
      erasure {
        cause
        counts
      }
    }
  }
`;
const REFERRAL = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      sharedFacts
      consentActive
      person {
        displayName
        ageBand
      }
    }
  }
`;

/** A signed-in session's cookie, taken from the login mutation over HTTP. */
async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
      variables: { input: { email, password: TEST_PASSWORD } },
    }),
  });
  return res.headers.get("set-cookie")!.split(";")[0];
}

const viewerOf = (u: User): Viewer => ({
  userId: u.id,
  role: u.role,
  organizationId: u.organizationId,
  displayName: u.displayName,
  sessionId: "test",
});

beforeAll(async () => {
  t = await createTestApp();
  base = `http://127.0.0.1:${await t.app.listen(0, "127.0.0.1")}`;
  coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinator = await t.asViewer(coordinatorUser);
  adminUser = await t.factories.user({ role: UserRole.ADMIN });
  admin = await t.asViewer(adminUser);
  hostUser = await t.factories.user({ role: UserRole.HOST });
  host = await t.asViewer(hostUser);
  outsiderUser = await t.factories.user({ role: UserRole.COORDINATOR });
  outsider = await t.asViewer(outsiderUser);
});
afterAll(() => t?.close());

/** A person on a 支援会議 of `coordinatorUser` only: other coordinators may not see them. */
async function meetingPerson(): Promise<Person> {
  const group = await t.factories.supportMeetingGroup([coordinatorUser.id]);
  return t.factories.person({
    track: PersonTrack.SUPPORT_MEETING,
    supportMeetingGroupId: group.id,
    coordinatorId: coordinatorUser.id,
    withConsent: false,
  });
}

describe("訂正 with history", () => {
  it("records each changed field with before, after, who and why; updatePerson keeps working without history", async () => {
    const person = await t.factories.person({ displayName: "山田 花子", contactNote: "夕方に電話" });
    const res = await coordinator(CORRECT, {
      input: { id: person.id, displayName: "山田 華子", contactNote: "午前に電話", reason: "本人からの訂正請求" },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.correctPerson.person.displayName).toBe("山田 華子");
    expect(res.data!.correctPerson.person.corrections).toEqual(
      expect.arrayContaining([
        { field: "displayName", before: "山田 花子", after: "山田 華子", reason: "本人からの訂正請求" },
        { field: "contactNote", before: "夕方に電話", after: "午前に電話", reason: "本人からの訂正請求" },
      ]),
    );
    const rows = await t.db.getRepository(PersonCorrection).findBy({ personId: person.id });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.correctedById === coordinatorUser.id)).toBe(true);

    const plain = await coordinator(
      `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { contactNote } } }`,
      { input: { id: person.id, contactNote: "いつでも" } },
    );
    expect(plain.errors).toBeUndefined();
    expect(await t.db.getRepository(PersonCorrection).countBy({ personId: person.id })).toBe(2);

    const audit = await t.db.query(
      `SELECT action, detail FROM audit_event WHERE person_id = $1 AND operation = 'correctPerson' AND action <> 'READ'`,
      [person.id],
    );
    expect(audit).toEqual([{ action: "UPDATE", detail: { fields: ["contactNote", "displayName"], correction: true } }]);
  });

  it("refuses a missing reason or no change with per-field messages, and writes nothing", async () => {
    const person = await t.factories.person({ displayName: "佐藤 一郎" });
    const blank = await coordinator(CORRECT, { input: { id: person.id, displayName: "佐藤 二郎", reason: "　" } });
    expect(codesOf(blank)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(blank)).toContain("input.reason");
    const same = await coordinator(CORRECT, { input: { id: person.id, displayName: "佐藤 一郎", reason: "確認" } });
    expect(codesOf(same)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(same)).toContain("input");
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: person.id })).displayName).toBe("佐藤 一郎");
    expect(await t.db.getRepository(PersonCorrection).countBy({ personId: person.id })).toBe(0);
  });

  it("refuses hosts (FORBIDDEN) and coordinators who may not see the person (NOT_FOUND)", async () => {
    const person = await meetingPerson();
    const input = { id: person.id, displayName: "別名", reason: "訂正" };
    expect(codesOf(await host(CORRECT, { input }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await outsider(CORRECT, { input }))).toEqual(["NOT_FOUND"]);
    expect((await coordinator(CORRECT, { input })).errors).toBeUndefined();
  });
});

describe("利用停止 / 再開", () => {
  it("hides the person's facts from hosts, refuses suggestions, matches and referrals; resuming restores them", async () => {
    const org = hostUser.organizationId!;
    const person = await t.factories.person({ displayName: "鈴木 次郎", ageBand: null });
    await t.factories.consent(person.id, { organizationId: org, givenOn: person.registeredOn });
    const resource = await t.factories.resource({ organizationId: org });
    const referral = await t.factories.match({
      personId: person.id,
      resourceId: resource.id,
      path: [[S.HOST_COORDINATION, today()]],
    });
    const before = await host(REFERRAL, { id: referral.id });
    expect(before.data!.referral.person.displayName).toBe("鈴木 次郎");
    expect(before.data!.referral.sharedFacts.length).toBeGreaterThan(0);

    const stopped = await coordinator(STOP, { input: { personId: person.id, reason: "本人から利用停止の申出" } });
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data!.stopPersonUse.person).toMatchObject({
      stoppedOn: today(),
      stopReason: "本人から利用停止の申出",
    });

    const after = await host(REFERRAL, { id: referral.id });
    expect(after.data!.referral).toMatchObject({
      sharedFacts: [],
      consentActive: false,
      person: { displayName: null },
    });

    const other = await t.factories.resource({ organizationId: org });
    const create = await coordinator(
      `mutation ($input: CreateMatchInput!) { createMatch(input: $input) { match { id } } }`,
      { input: { personId: person.id, resourceId: other.id } },
    );
    expect(codesOf(create)).toEqual(["CONFLICT"]);
    const candidate = await t.factories.match({ personId: person.id, resourceId: other.id });
    const refer = await coordinator(
      `mutation ($input: TransitionMatchInput!) { transitionMatch(input: $input) { match { stage } } }`,
      { input: { matchId: candidate.id, to: "HOST_COORDINATION", expectedVersion: candidate.version } },
    );
    expect(codesOf(refer)).toEqual(["CONFLICT"]);
    const suggest = await coordinator(
      `query ($id: ID!) { suggestResources(personId: $id) { suggestions { score } } }`,
      { id: person.id },
    );
    expect(codesOf(suggest)).toEqual(["CONFLICT"]);

    // Kept for the record: the coordinator still reads the person.
    expect((await coordinator(PERSON, { id: person.id })).data!.person.stoppedOn).toBe(today());
    expect(codesOf(await coordinator(STOP, { input: { personId: person.id, reason: "二度目" } }))).toEqual([
      "CONFLICT",
    ]);

    const resumed = await coordinator(RESUME, { input: { personId: person.id } });
    expect(resumed.data!.resumePersonUse.person.stoppedOn).toBeNull();
    expect((await host(REFERRAL, { id: referral.id })).data!.referral.person.displayName).toBe("鈴木 次郎");
    expect(codesOf(await coordinator(RESUME, { input: { personId: person.id } }))).toEqual(["CONFLICT"]);
  });

  it("refuses bad input, hosts and coordinators who may not see the person; writes nothing", async () => {
    const person = await meetingPerson();
    const blank = await coordinator(STOP, { input: { personId: person.id, reason: "" } });
    expect(fieldsOf(blank)).toContain("input.reason");
    const future = await coordinator(STOP, {
      input: { personId: person.id, reason: "理由", stoppedOn: addDays(today(), 2) },
    });
    expect(fieldsOf(future)).toContain("input.stoppedOn");
    expect(codesOf(await host(STOP, { input: { personId: person.id, reason: "理由" } }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await outsider(STOP, { input: { personId: person.id, reason: "理由" } }))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await outsider(RESUME, { input: { personId: person.id } }))).toEqual(["NOT_FOUND"]);
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: person.id })).stoppedOn).toBeNull();
  });
});

/** A closed case of fiscal 2019 with notes everywhere: a match from 候補 to 終結 and two follow-ups. */
async function closedCase2019(displayName: string, areaId: string | null) {
  const person = await t.factories.person({
    displayName,
    registeredOn: "2019-05-01",
    ageBand: null,
    areaId,
    contactNote: "携帯に連絡",
    householdNote: "母と二人暮らし",
    householdCircumstances: [HouseholdCircumstance.CARING_FOR_FAMILY],
    coordinatorId: coordinatorUser.id,
  });
  const match = await t.factories.match({
    personId: person.id,
    coordinatorId: coordinatorUser.id,
    rationale: "本人の希望に合う",
    path: [
      [S.HOST_COORDINATION, "2019-06-01"],
      [S.PROPOSED, "2019-06-10"],
      [S.ACTIVE_FOLLOW_UP, "2019-07-01"],
      [S.STABLE, "2019-10-01"],
      [S.CLOSED, "2020-01-10"],
    ],
  });
  await t.factories.followUpRecord(match, {
    contactedOn: "2019-08-01",
    narrative: "楽しく通っている",
    changeObserved: true,
  });
  await t.factories.followUpRecord(match, { contactedOn: "2019-11-05", narrative: "仲間ができた" });
  return { person, match };
}

describe("消去 and retention", () => {
  it("erases a stopped person only after retention; leaves a tombstone with counts and an audit row", async () => {
    const fresh = await t.factories.person({ coordinatorId: coordinatorUser.id });
    expect(codesOf(await coordinator(ERASE, { input: { personId: fresh.id } }))).toEqual(["CONFLICT"]); // not stopped
    await coordinator(STOP, { input: { personId: fresh.id, reason: "申出" } });
    const early = await coordinator(ERASE, { input: { personId: fresh.id } });
    expect(codesOf(early)).toEqual(["CONFLICT"]); // retention not over
    expect(early.errors![0].message).toContain("保存期間");

    const { person } = await closedCase2019("高橋 三郎", null);
    await coordinator(STOP, { input: { personId: person.id, reason: "本人からの消去請求", stoppedOn: "2020-02-01" } });
    expect((await coordinator(PERSON, { id: person.id })).data!.person.retentionEndsOn).toBe("2025-02-01");
    expect(codesOf(await host(ERASE, { input: { personId: person.id } }))).toEqual(["FORBIDDEN"]);
    const hidden = await meetingPerson();
    expect(codesOf(await outsider(ERASE, { input: { personId: hidden.id } }))).toEqual(["NOT_FOUND"]);
    const res = await coordinator(ERASE, { input: { personId: person.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.erasePerson.person.displayName).toBe(ERASED_NAME);
    expect(res.data!.erasePerson.erasure).toMatchObject({
      cause: "MANUAL",
      counts: expect.objectContaining({ person: 1, matches: 1, followUpRecords: 2, matchTransitions: 6 }),
    });
    const row = await t.db.getRepository(Person).findOneByOrFail({ id: person.id });
    expect(row).toMatchObject({
      contactNote: "",
      householdNote: "",
      householdCircumstances: [],
      nameKana: "",
      registeredOn: "2019-05-01",
    });
    expect(row.erasedAt).not.toBeNull();
    const notes = await t.db.query(`SELECT narrative FROM follow_up_record WHERE person_id = $1`, [person.id]);
    expect(notes.every((n: { narrative: string }) => n.narrative === "")).toBe(true);
    const [audit] = await t.db.query(
      `SELECT action, actor_user_id AS "actor", detail FROM audit_event WHERE person_id = $1 AND action = 'ERASE'`,
      [person.id],
    );
    expect(audit).toMatchObject({ action: AuditAction.ERASE, actor: coordinatorUser.id });
    expect(JSON.stringify(audit.detail)).not.toContain("高橋");
    expect(codesOf(await coordinator(ERASE, { input: { personId: person.id } }))).toEqual(["CONFLICT"]);
    expect(codesOf(await coordinator(CORRECT, { input: { id: person.id, contactNote: "x", reason: "r" } }))).toEqual([
      "CONFLICT",
    ]);
  });

  it("the daily job (fixed clock) erases the cases past retention, old notes, and leaves past 年度' indicators unchanged", async () => {
    const area = await t.factories.area();
    const a = await closedCase2019("伊藤 四郎", area.id);
    const b = await closedCase2019("渡辺 五郎", area.id);
    const open = await t.factories.person({ registeredOn: "2019-05-01", displayName: "中村 六郎" });
    await t.factories.match({ personId: open.id, path: [[S.HOST_COORDINATION, "2019-06-01"]] }); // still open
    const recent = await t.factories.person({ displayName: "小林 七子" });
    const viewer = viewerOf(adminUser);
    const now = new Date("2026-12-07T03:00:00Z");
    const report = async (year: number) =>
      JSON.stringify((await t.app.services.indicators.computed(viewer, year, now)).report);
    const before2019 = await report(2019);
    const before2020 = await report(2020);
    const parsed = JSON.parse(before2019);
    expect(parsed.funnel.supportedPersons).toBeGreaterThan(0); // the figures do count these cases

    const job = new RetentionService(t.db, t.app.services.audit);
    await job.eraseDue("2024-12-07"); // 5 years after 2020-01-10 is not yet: only 2019's follow-up notes go
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: a.person.id })).erasedAt).toBeNull();
    const erased = await job.eraseDue("2026-12-07");
    expect(erased).toBeGreaterThanOrEqual(2);

    const names = async (ids: string[]) =>
      (await t.db.getRepository(Person).find({ where: ids.map((id) => ({ id })) })).map((p) => p.displayName);
    expect(await names([a.person.id, b.person.id])).toEqual([ERASED_NAME, ERASED_NAME]);
    expect(await names([open.id])).toEqual(["中村 六郎"]);
    expect(await names([recent.id])).toEqual(["小林 七子"]);
    expect(
      await t.db.getRepository(PersonErasure).countBy({ personId: a.person.id, cause: "RETENTION" as never }),
    ).toBe(1);
    const audit = await t.db.query(
      `SELECT actor_user_id AS "actor", detail FROM audit_event WHERE action = 'ERASE' AND person_id = $1`,
      [a.person.id],
    );
    expect(audit).toEqual([
      {
        actor: null,
        detail: expect.objectContaining({
          cause: "RETENTION",
          counts: expect.objectContaining({ followUpRecords: 2 }),
        }),
      },
    ]);

    expect(await report(2019)).toBe(before2019);
    expect(await report(2020)).toBe(before2020);
    // A second run finds nothing more to do.
    expect(await job.eraseDue("2026-12-07")).toBe(0);
  });

  it("takes the retention periods from the municipal settings (1〜30 years; out of range refused)", async () => {
    const SET = `mutation ($input: UpdateMunicipalSettingsInput!) { updateMunicipalSettings(input: $input) { personRetentionYears followUpNoteRetentionYears } }`;
    const bad = await admin(SET, { input: { personRetentionYears: 0 } });
    expect(fieldsOf(bad)).toContain("input.personRetentionYears");
    const ok = await admin(SET, { input: { personRetentionYears: 10, followUpNoteRetentionYears: 3 } });
    expect(ok.data!.updateMunicipalSettings).toEqual({ personRetentionYears: 10, followUpNoteRetentionYears: 3 });
    const { person, match } = await closedCase2019("加藤 八郎", null);
    await coordinator(STOP, { input: { personId: person.id, reason: "申出", stoppedOn: "2020-02-01" } });
    expect((await coordinator(PERSON, { id: person.id })).data!.person.retentionEndsOn).toBe("2030-02-01");
    const job = new RetentionService(t.db, t.app.services.audit);
    await job.eraseDue("2026-12-07");
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: person.id })).erasedAt).toBeNull();
    // Follow-up notes have their own, shorter period: 2019's are gone, the person is not.
    const notes = await t.db.query(`SELECT narrative FROM follow_up_record WHERE match_id = $1`, [match.id]);
    expect(notes).toEqual([{ narrative: "" }, { narrative: "" }]);
    await admin(SET, { input: { personRetentionYears: 5, followUpNoteRetentionYears: 5 } });
  });
});

describe("開示 (GET /export/person/:id/disclosure.json)", () => {
  it("gives a coordinator everything held about the person, audits it, and refuses everyone else", async () => {
    const org = hostUser.organizationId!;
    const person = await t.factories.person({ displayName: "開示 太郎", coordinatorId: coordinatorUser.id });
    await t.factories.consent(person.id, { organizationId: org, facts: ["DISPLAY_NAME", "AGE_BAND"] as never });
    const resource = await t.factories.resource({ organizationId: org });
    const match = await t.factories.match({
      personId: person.id,
      resourceId: resource.id,
      coordinatorId: coordinatorUser.id,
      path: [[S.HOST_COORDINATION, today()]],
    });
    await t.factories.followUpRecord(match, { narrative: "元気そう" });
    await host(REFERRAL, { id: match.id }); // a host was shown the referral
    await coordinator(CORRECT, { input: { id: person.id, contactNote: "新しい連絡先", reason: "本人の申出" } });

    const cookie = await cookieOf(coordinatorUser.email);
    const res = await fetch(`${base}/export/person/${person.id}/disclosure.json`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      format: "tsunagu.person-disclosure/1",
      person: { id: person.id, displayName: "開示 太郎", contactNote: "新しい連絡先" },
      corrections: [{ field: "contactNote", before: "", after: "新しい連絡先", reason: "本人の申出" }],
      followUps: [expect.objectContaining({ narrative: "元気そう" })],
    });
    expect(body.consents).toHaveLength(2);
    expect(body.matches[0].transitions.map((x: { toStage: string }) => x.toStage)).toEqual([
      "CANDIDATE",
      "HOST_COORDINATION",
    ]);
    expect(body.hostViews).toEqual([
      expect.objectContaining({
        factsShownToday: ["AGE_BAND", "DISPLAY_NAME"],
        shownToHost: [expect.objectContaining({ times: 1 })],
      }),
    ]);
    expect(body.accessLog.some((e: { action: string }) => e.action === "READ")).toBe(true);

    const download = await fetch(`${base}/export/person/${person.id}/disclosure.json?download=1`, {
      headers: { Cookie: cookie },
    });
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const audit = await t.db.query(
      `SELECT actor_user_id AS "actor", detail FROM audit_event WHERE action = 'DISCLOSURE' AND person_id = $1 ORDER BY id`,
      [person.id],
    );
    expect(audit).toEqual([
      { actor: coordinatorUser.id, detail: { format: "page" } },
      { actor: coordinatorUser.id, detail: { format: "download" } },
    ]);

    const url = `${base}/export/person/${person.id}/disclosure.json`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Cookie: await cookieOf(hostUser.email) } })).status).toBe(403);
    const hidden = await meetingPerson();
    const outsiderCookie = await cookieOf(outsiderUser.email);
    expect(
      (await fetch(`${base}/export/person/${hidden.id}/disclosure.json`, { headers: { Cookie: outsiderCookie } }))
        .status,
    ).toBe(404);
    expect(
      (await fetch(`${base}/export/person/not-a-uuid/disclosure.json`, { headers: { Cookie: outsiderCookie } })).status,
    ).toBe(404);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'DISCLOSURE'`);
    expect(count[0].n).toBe(2);
  });
});
