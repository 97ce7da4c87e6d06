/**
 * The reference journey (modelled on あきる野市's 参加支援), through GraphQL on the real services:
 * a person taken up by the 支援会議 before consent → consent → plan → suggestions → match → the host is consulted
 * and answers → proposal → 見学 → 参加開始 with its follow-up plan → follow-ups → 定着 → 終結 → 終結後フォロー →
 * 再開 when things change. Every step is checked from the coordinator's and the host's side.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../server/src/core/roles.js";
import { addDays, today } from "@tsunagu/calendar";
import { DEFAULT_OFFICE_DAYS, nextOpenDay } from "../../server/src/followups/office-days.js";
import { ResourceKind, TargetGroup } from "../../server/src/resources/resource.enums.js";
import { Weekday } from "../../server/src/schedules/schedule.value.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../../server/src/test/harness.js";

let t: TestApp;
let coordinator: Gql;
let outsider: Gql;
let host: Gql;
let otherHost: Gql;
let groupId: string;
let hostOrgId: string;
let resourceId: string;

const MATCH_FIELDS =
  "id stage version startedOn closedOn reopenCount allowedTransitions { to reasonRequired outcomeRequired } followUpDues { id kind dueOn status }";

beforeAll(async () => {
  t = await createTestApp();
  const coordinatorUser = await t.factories.user({ role: UserRole.COORDINATOR, displayName: "地区担当 保健師" });
  coordinator = await t.asViewer(coordinatorUser);
  outsider = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
  groupId = (await t.factories.supportMeetingGroup([coordinatorUser.id], "あきる野 支援会議")).id;
  hostOrgId = (await t.factories.organization({ name: "社会福祉法人 若葉会" })).id;
  host = await t.asViewer(await t.factories.user({ role: UserRole.HOST, organizationId: hostOrgId }));
  otherHost = await t.asViewer(await t.factories.user({ role: UserRole.HOST }));
  resourceId = (
    await t.factories.resource({
      name: "若葉会 就労体験 (軽作業)",
      kind: ResourceKind.SHURO_TAIKEN,
      organizationId: hostOrgId,
      targetGroups: [TargetGroup.HIKIKOMORI],
      visitAllowed: true,
      trialAllowed: true,
      capacity: 5,
      openings: 2,
      lat: 35.73,
      lng: 139.29,
      schedule: {
        rules: [
          {
            frequency: "WEEKLY" as never,
            weekdays: [Weekday.TUE],
            nthWeeks: [],
            dates: [],
            startTime: "10:00",
            endTime: "12:00",
          },
        ],
        closedOnHolidays: true,
        closedYearEnd: true,
        closedDates: [],
        note: null,
      },
    })
  ).id;
  await t.indexNow();
});
afterAll(() => t.close());

const transition = (gql: Gql, input: Record<string, unknown>) =>
  gql(`mutation($input: TransitionMatchInput!) { transitionMatch(input: $input) { match { ${MATCH_FIELDS} } } }`, {
    input,
  });

describe("あきる野 reference journey", () => {
  let personId: string;
  let match: {
    id: string;
    version: number;
    stage: string;
    followUpDues: { id: string; kind: string; dueOn: string; status: string }[];
  };

  it("takes a person up at the 支援会議 before consent: only the meeting's members see them", async () => {
    const res = await coordinator(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id track displayName ageBand } } }`,
      {
        input: {
          displayName: "Aさん (30代男性)",
          nameKana: "エーサン",
          birthYear: 1992,
          supportMeetingGroupId: groupId,
          homeLat: 35.7312345,
          homeLng: 139.2912345,
          needs: {
            wantedActivities: ["軽作業"],
            targetGroups: ["HIKIKOMORI"],
            weekdays: ["TUE"],
            timeBands: ["MORNING"],
            mobility: "BICYCLE",
            wishes: "人の少ない場所で働いてみたい",
            strengths: "手先が器用",
          },
          participationLevel: "SUPPORTER_CONTACT",
        },
      },
    );
    expect(res.errors).toBeUndefined();
    personId = res.data!.createPerson.person.id;
    expect(res.data!.createPerson.person.track).toBe("SUPPORT_MEETING");
    expect(res.data!.createPerson.person.ageBand).toBe("AGE_30_39");
    expect(codesOf(await outsider(`query($id: ID!) { person(id: $id) { id } }`, { id: personId }))).toEqual([
      "NOT_FOUND",
    ]);
    const list = await outsider(`{ persons { totalCount } }`);
    expect(list.data!.persons.totalCount).toBe(0);
  });

  it("cannot send the person to a host before consent (CONFLICT), but can plan a candidate", async () => {
    const created = await coordinator(
      `mutation($input: CreateMatchInput!) { createMatch(input: $input) { match { ${MATCH_FIELDS} } } }`,
      {
        input: { personId, resourceId, rationale: "火曜午前・軽作業の希望に合う" },
      },
    );
    expect(created.errors).toBeUndefined();
    match = created.data!.createMatch.match;
    expect(match.stage).toBe("CANDIDATE");
    const blocked = await transition(coordinator, {
      matchId: match.id,
      to: "HOST_COORDINATION",
      expectedVersion: match.version,
    });
    expect(codesOf(blocked)).toEqual(["CONFLICT"]);
    expect(blocked.errors![0].message).toContain("同意");
  });

  it("records consent (申込票) for this host: the person moves to the consented track", async () => {
    const res = await coordinator(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id state facts } } }`,
      {
        input: {
          personId,
          purpose: "HOST_REFERRAL",
          organizationId: hostOrgId,
          facts: ["DISPLAY_NAME", "AGE_BAND", "NEEDS", "WISHES_AND_STRENGTHS"],
          method: "APPLICATION_FORM",
          givenOn: today(),
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordConsent.consent.state).toBe("ACTIVE");
    const seen = await outsider(`query($id: ID!) { person(id: $id) { track consents { purpose state } } }`, {
      id: personId,
    });
    expect(seen.data!.person.track).toBe("CONSENTED");
  });

  it("agrees a support plan and gets ranked suggestions with reasons", async () => {
    const plan = await coordinator(
      `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id status planVersion } } }`,
      {
        input: {
          personId,
          planVersion: "NEW",
          goals: ["週1回外出する", "就労体験に参加する"],
          agreedOn: today(),
          status: "AGREED",
        },
      },
    );
    expect(plan.data!.createSupportPlan.supportPlan.status).toBe("AGREED");
    const res = await coordinator(
      `query($id: ID!) { suggestResources(personId: $id, first: 5) { suggestions { resource { id } score reasons { text } } } }`,
      { id: personId },
    );
    expect(res.errors).toBeUndefined();
    const top = res.data!.suggestResources.suggestions[0];
    expect(top.resource.id).toBe(resourceId);
    expect(top.reasons.map((r: { text: string }) => r.text).join(" ")).toMatch(/火曜/);
  });

  it("consults the host, who sees the referral with only the consented facts and accepts", async () => {
    const moved = await transition(coordinator, {
      matchId: match.id,
      to: "HOST_COORDINATION",
      expectedVersion: match.version,
    });
    expect(moved.errors).toBeUndefined();
    match = moved.data!.transitionMatch.match;

    const referrals = await host(
      `{ myReferrals { id stage sharedFacts consentActive canRespond person { displayName ageBand wishes strengths contactNote householdCircumstances participationLevel wantedActivities area { id } } } }`,
    );
    expect(referrals.errors).toBeUndefined();
    expect(referrals.data!.myReferrals).toHaveLength(1);
    const r = referrals.data!.myReferrals[0];
    expect(r.sharedFacts).toEqual(["AGE_BAND", "DISPLAY_NAME", "NEEDS", "WISHES_AND_STRENGTHS"]);
    expect(r.person).toMatchObject({
      displayName: "Aさん (30代男性)",
      ageBand: "AGE_30_39",
      wishes: "人の少ない場所で働いてみたい",
      wantedActivities: ["軽作業"],
    });
    expect(r.person).toMatchObject({
      contactNote: null,
      householdCircumstances: null,
      participationLevel: null,
      area: null,
    });

    expect(codesOf(await otherHost(`query($id: ID!) { referral(id: $id) { id } }`, { id: match.id }))).toEqual([
      "NOT_FOUND",
    ]);
    expect((await otherHost(`{ myReferrals { id } }`)).data!.myReferrals).toEqual([]);
    expect(codesOf(await host(`query($id: ID!) { person(id: $id) { id } }`, { id: personId }))).toEqual(["FORBIDDEN"]);

    const accepted = await host(
      `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { hostResponse stage } }`,
      { input: { matchId: match.id, response: "ACCEPTED" } },
    );
    expect(accepted.data!.respondToReferral).toEqual({ hostResponse: "ACCEPTED", stage: "HOST_COORDINATION" });
  });

  it("proposes to the person, visits, and starts: the follow-up plan is written", async () => {
    const version = (await coordinator(`query($id: ID!) { match(id: $id) { version } }`, { id: match.id })).data!.match
      .version;
    let res = await transition(coordinator, { matchId: match.id, to: "PROPOSED", expectedVersion: version });
    res = await transition(coordinator, {
      matchId: match.id,
      to: "VISIT_TRIAL",
      expectedVersion: res.data!.transitionMatch.match.version,
    });
    res = await transition(coordinator, {
      matchId: match.id,
      to: "ACTIVE_FOLLOW_UP",
      expectedVersion: res.data!.transitionMatch.match.version,
    });
    expect(res.errors).toBeUndefined();
    match = res.data!.transitionMatch.match;
    expect(match.stage).toBe("ACTIVE_FOLLOW_UP");
    const start = today();
    // 2 weeks, months 1 and 2, then month 3 is the 3か月定着確認 (one visit, not two), and month 6.
    expect(match.followUpDues.map((d) => d.kind)).toEqual([
      "FIRST_CHECK",
      "MONTHLY",
      "MONTHLY",
      "SETTLING_CHECK",
      "SETTLING_CHECK",
    ]);
    // Two weeks later, on the office's next open day (not a weekend, 祝日 or 年末年始).
    expect(match.followUpDues[0].dueOn).toBe(nextOpenDay(addDays(start, 14), DEFAULT_OFFICE_DAYS));
  });

  it("the host records attendance; the coordinator visits the host and logs follow-ups", async () => {
    const att = await host(
      `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { sessionOn attended } }`,
      { input: { matchId: match.id, sessionOn: today(), attended: true, note: "笑顔が見られた" } },
    );
    expect(att.data!.recordAttendance).toEqual({ sessionOn: today(), attended: true });
    const fu = await coordinator(
      `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { followUp { id method changeObserved } } }`,
      {
        input: {
          matchId: match.id,
          dueId: match.followUpDues[0].id,
          contactedOn: today(),
          method: "HOST_SITE_VISIT",
          counterparts: ["HOST", "PERSON"],
          sessionsAttended: 1,
          sessionsPlanned: 1,
          participationLevel: "JOINS_PLACE",
          changeObserved: true,
          changeType: "BEHAVIOUR",
          changeCategories: ["WANTS_TO_CONTINUE"],
          narrative: "次回も来たいと話した",
          relationshipStability: "PARTLY",
          hostFeedback: "作業が丁寧",
          hostGuidance: "声かけは短く具体的に",
        },
      },
    );
    expect(fu.errors).toBeUndefined();
    const detail = await coordinator(
      `query($id: ID!) { match(id: $id) { followUps { method narrative } followUpDues { kind status doneOn } person { participationLevel } } }`,
      { id: match.id },
    );
    expect(detail.data!.match.followUps).toEqual([{ method: "HOST_SITE_VISIT", narrative: "次回も来たいと話した" }]);
    expect(detail.data!.match.followUpDues[0]).toEqual({ kind: "FIRST_CHECK", status: "DONE", doneOn: today() });
    expect(detail.data!.match.person.participationLevel).toBe("JOINS_PLACE");
  });

  it("settles (定着) only with a stable relationship and an outcome observation, then closes and keeps in touch", async () => {
    const version = (await coordinator(`query($id: ID!) { match(id: $id) { version } }`, { id: match.id })).data!.match
      .version;
    const noOutcome = await transition(coordinator, { matchId: match.id, to: "STABLE", expectedVersion: version });
    expect(codesOf(noOutcome)).toEqual(["BAD_USER_INPUT"]);
    const outcome = {
      changeObserved: true,
      changeType: "BOTH",
      changeCategories: ["TRAVELS_ALONE"],
      narrative: "一人で通えている",
      relationshipStability: "STABLE",
      participationLevel: "REGULAR",
    };
    // The same day as the start is before the follow-up period has passed: 定着 then needs a reason.
    const early = await transition(coordinator, { matchId: match.id, to: "STABLE", expectedVersion: version, outcome });
    expect(fieldsOf(early)).toEqual(["input.reason"]);
    let res = await transition(coordinator, {
      matchId: match.id,
      to: "STABLE",
      expectedVersion: version,
      outcome,
      reason: "本人・受け入れ先とも安定しているため",
    });
    expect(res.errors).toBeUndefined();
    res = await transition(coordinator, {
      matchId: match.id,
      to: "CLOSED",
      expectedVersion: res.data!.transitionMatch.match.version,
      outcome: { ...outcome, narrative: "関係が安定し終結" },
    });
    expect(res.errors).toBeUndefined();
    const closed = res.data!.transitionMatch.match;
    expect(closed.closedOn).toBe(today());
    expect(
      closed.followUpDues
        .filter((d: { status: string }) => d.status === "PLANNED")
        .map((d: { kind: string }) => d.kind),
    ).toEqual(["POST_CLOSURE", "POST_CLOSURE"]);
    res = await transition(coordinator, { matchId: match.id, to: "POST_CLOSURE", expectedVersion: closed.version });
    match = res.data!.transitionMatch.match;
    expect(match.stage).toBe("POST_CLOSURE");
  });

  it("reopens quickly when things change (再開 needs a reason) and plans a new follow-up cycle", async () => {
    const noReason = await transition(coordinator, {
      matchId: match.id,
      to: "ACTIVE_FOLLOW_UP",
      expectedVersion: match.version,
    });
    expect(codesOf(noReason)).toEqual(["BAD_USER_INPUT"]);
    const res = await transition(coordinator, {
      matchId: match.id,
      to: "ACTIVE_FOLLOW_UP",
      expectedVersion: match.version,
      reason: "家族の入院で通えなくなったと連絡",
    });
    expect(res.errors).toBeUndefined();
    const reopened = res.data!.transitionMatch.match;
    expect(reopened.reopenCount).toBe(1);
    expect(
      reopened.followUpDues
        .filter((d: { status: string }) => d.status === "PLANNED")
        .map((d: { kind: string }) => d.kind)[0],
    ).toBe("FIRST_CHECK");
    const history = await coordinator(
      `query($id: ID!) { match(id: $id) { history { fromStage toStage reason actor { displayName } } } }`,
      { id: match.id },
    );
    expect(history.data!.match.history.map((h: { toStage: string }) => h.toStage)).toEqual([
      "CANDIDATE",
      "HOST_COORDINATION",
      "PROPOSED",
      "VISIT_TRIAL",
      "ACTIVE_FOLLOW_UP",
      "STABLE",
      "CLOSED",
      "POST_CLOSURE",
      "ACTIVE_FOLLOW_UP",
    ]);
    expect(history.data!.match.history.at(-1)).toMatchObject({
      fromStage: "POST_CLOSURE",
      reason: "家族の入院で通えなくなったと連絡",
      actor: { displayName: "地区担当 保健師" },
    });
  });

  it("counts the journey in this fiscal year's outcome figures", async () => {
    const fy = Number(today().slice(0, 4)) - (Number(today().slice(5, 7)) < 4 ? 1 : 0);
    const res = await coordinator(
      `query($fy: Int!) { outcomeSummary(fiscalYear: $fy) { matchingCount startedCount } }`,
      { fy },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.outcomeSummary).toEqual({ matchingCount: 1, startedCount: 1 });
  });
});
