import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { addDays, addMonths, today } from "@tsunagu/calendar";
import { FollowUpDue } from "../followups/followup.entity.js";
import { participationSchedule } from "../followups/followup.schedule.js";
import { DEFAULT_OFFICE_DAYS, isOpenDay, onOpenDays } from "../followups/office-days.js";
import { MunicipalSettings } from "../settings/municipal-settings.entity.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { Match, MatchTransition } from "./match.entity.js";
import { MatchStage } from "./match.enums.js";
import { TRANSITIONS } from "./match.stages.js";

let t: TestApp;
let coordinator: Gql;
let coordinatorId: string;

const TRANSITION = /* GraphQL */ `
  mutation ($input: TransitionMatchInput!) {
    transitionMatch(input: $input) {
      match {
        id
        stage
        version
        heldFrom
      }
    }
  }
`;
const OUTCOME = {
  changeObserved: true,
  changeType: "FEELING",
  changeCategories: ["WANTS_TO_CONTINUE"],
  narrative: "評価",
  relationshipStability: "STABLE",
};

/** A path of legal moves from 候補 to each stage (dates all today), so a match can be put in any stage. */
const PATH_TO: Record<MatchStage, MatchStage[]> = {
  CANDIDATE: [],
  HOST_COORDINATION: ["HOST_COORDINATION"],
  PROPOSED: ["HOST_COORDINATION", "PROPOSED"],
  VISIT_TRIAL: ["HOST_COORDINATION", "PROPOSED", "VISIT_TRIAL"],
  ACTIVE_FOLLOW_UP: ["HOST_COORDINATION", "PROPOSED", "ACTIVE_FOLLOW_UP"],
  STABLE: ["HOST_COORDINATION", "PROPOSED", "ACTIVE_FOLLOW_UP", "STABLE"],
  CLOSED: ["HOST_COORDINATION", "PROPOSED", "ACTIVE_FOLLOW_UP", "STABLE", "CLOSED"],
  POST_CLOSURE: ["HOST_COORDINATION", "PROPOSED", "ACTIVE_FOLLOW_UP", "STABLE", "CLOSED", "POST_CLOSURE"],
  HOST_DECLINED: ["HOST_COORDINATION", "HOST_DECLINED"],
  PERSON_DECLINED: ["PERSON_DECLINED"],
  ON_HOLD: ["HOST_COORDINATION", "ON_HOLD"],
  NOT_A_FIT: ["NOT_A_FIT"],
  SUSPENDED: ["HOST_COORDINATION", "PROPOSED", "ACTIVE_FOLLOW_UP", "SUSPENDED"],
} as Record<MatchStage, MatchStage[]>;

async function matchIn(stage: MatchStage): Promise<Match> {
  const person = await t.factories.person({ coordinatorId });
  await t.factories.consent(person.id);
  return t.factories.match({
    personId: person.id,
    coordinatorId,
    path: PATH_TO[stage].map((s) => [s, today()]),
    heldFrom: stage === MatchStage.ON_HOLD ? MatchStage.HOST_COORDINATION : null,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinatorId = user.id;
  coordinator = await t.asViewer(user);
});
afterAll(() => t.close());

describe("match stages", () => {
  it("rejects every illegal transition with BAD_USER_INPUT and writes nothing", async () => {
    const stages = Object.values(MatchStage);
    let checked = 0;
    for (const from of stages) {
      const match = await matchIn(from);
      for (const to of stages.filter((s) => !TRANSITIONS[from].includes(s))) {
        const res = await coordinator(TRANSITION, {
          input: { matchId: match.id, to, expectedVersion: match.version, reason: "理由", outcome: OUTCOME },
        });
        expect(codesOf(res), `${from} → ${to}`).toEqual(["BAD_USER_INPUT"]);
        expect(fieldsOf(res)).toEqual(["input.to"]);
        checked++;
      }
      const after = await t.db.getRepository(Match).findOneByOrFail({ id: match.id });
      expect(after.stage).toBe(from);
      expect(after.version).toBe(match.version);
    }
    expect(checked).toBe(stages.length ** 2 - Object.values(TRANSITIONS).flat().length);
  });

  it("accepts every legal transition (with a reason and an outcome where needed)", async () => {
    for (const [from, targets] of Object.entries(TRANSITIONS) as [MatchStage, MatchStage[]][]) {
      for (const to of targets) {
        if (from === MatchStage.ON_HOLD && to === MatchStage.PROPOSED) continue; // held from 受け入れ先調整: only back there
        const match = await matchIn(from);
        const res = await coordinator(TRANSITION, {
          input: { matchId: match.id, to, expectedVersion: match.version, reason: "理由", outcome: OUTCOME },
        });
        expect(res.errors, `${from} → ${to}`).toBeUndefined();
        expect(res.data!.transitionMatch.match.stage).toBe(to);
      }
    }
  });

  it("保留 returns only to the step it paused", async () => {
    const match = await matchIn(MatchStage.ON_HOLD);
    const wrong = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "PROPOSED", expectedVersion: match.version },
    });
    expect(codesOf(wrong)).toEqual(["BAD_USER_INPUT"]);
    const back = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "HOST_COORDINATION", expectedVersion: match.version },
    });
    expect(back.data!.transitionMatch.match).toMatchObject({ stage: "HOST_COORDINATION", heldFrom: null });
  });

  it("a 候補 put on hold to wait for the consent goes on to 受け入れ先調整 once it may (it is not stuck in 保留)", async () => {
    const match = await matchIn(MatchStage.CANDIDATE);
    const held = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "ON_HOLD", expectedVersion: match.version, reason: "同意待ち" },
    });
    expect(held.data!.transitionMatch.match).toMatchObject({ stage: "ON_HOLD", heldFrom: "CANDIDATE" });
    const version = held.data!.transitionMatch.match.version;
    const skip = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "PROPOSED", expectedVersion: version },
    });
    expect(codesOf(skip)).toEqual(["BAD_USER_INPUT"]);
    const on = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "HOST_COORDINATION", expectedVersion: version },
    });
    expect(on.errors).toBeUndefined();
    expect(on.data!.transitionMatch.match).toMatchObject({ stage: "HOST_COORDINATION", heldFrom: null });
  });

  it("asks for a reason on exits and reopenings, and for an outcome on 定着・終結", async () => {
    const candidate = await matchIn(MatchStage.CANDIDATE);
    const noReason = await coordinator(TRANSITION, {
      input: { matchId: candidate.id, to: "PERSON_DECLINED", expectedVersion: candidate.version, reason: "  " },
    });
    expect(fieldsOf(noReason)).toEqual(["input.reason"]);
    const active = await matchIn(MatchStage.ACTIVE_FOLLOW_UP);
    const noOutcome = await coordinator(TRANSITION, {
      input: { matchId: active.id, to: "STABLE", expectedVersion: active.version },
    });
    expect(fieldsOf(noOutcome)).toEqual(["input.outcome"]);
    const unstable = await coordinator(TRANSITION, {
      input: {
        matchId: active.id,
        to: "STABLE",
        expectedVersion: active.version,
        outcome: { ...OUTCOME, relationshipStability: "PARTLY" },
      },
    });
    expect(fieldsOf(unstable)).toEqual(["input.outcome.relationshipStability"]);
    const future = await coordinator(TRANSITION, {
      input: {
        matchId: active.id,
        to: "SUSPENDED",
        expectedVersion: active.version,
        reason: "体調",
        effectiveOn: addDays(today(), 1),
      },
    });
    expect(fieldsOf(future)).toEqual(["input.effectiveOn"]);
    const before = await coordinator(TRANSITION, {
      input: {
        matchId: active.id,
        to: "SUSPENDED",
        expectedVersion: active.version,
        reason: "体調",
        effectiveOn: addDays(today(), -1),
      },
    });
    expect(fieldsOf(before)).toEqual(["input.effectiveOn"]);
    expect(await t.db.getRepository(MatchTransition).countBy({ matchId: active.id })).toBe(4);
  });

  it("two concurrent transitions of one match: one wins, the other gets CONFLICT, nothing is lost", async () => {
    const match = await matchIn(MatchStage.HOST_COORDINATION);
    const other = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
    const results = await Promise.all([
      coordinator(TRANSITION, { input: { matchId: match.id, to: "PROPOSED", expectedVersion: match.version } }),
      other(TRANSITION, {
        input: { matchId: match.id, to: "HOST_DECLINED", expectedVersion: match.version, reason: "人手不足" },
      }),
    ]);
    const codes = results.map(codesOf);
    expect(codes.filter((c) => c.length === 0)).toHaveLength(1);
    expect(codes.filter((c) => c[0] === "CONFLICT")).toHaveLength(1);
    const winner = results.find((r) => !r.errors)!.data!.transitionMatch.match;
    const stored = await t.db.getRepository(Match).findOneByOrFail({ id: match.id });
    expect(stored.stage).toBe(winner.stage);
    expect(stored.version).toBe(match.version + 1);
    const history = await t.db.getRepository(MatchTransition).find({ where: { matchId: match.id } });
    expect(history.filter((h) => h.fromStage === MatchStage.HOST_COORDINATION)).toHaveLength(1);
  });

  it("a stale version is a CONFLICT", async () => {
    const match = await matchIn(MatchStage.CANDIDATE);
    const res = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "NOT_A_FIT", expectedVersion: match.version - 1, reason: "x" },
    });
    expect(codesOf(res)).toEqual(["CONFLICT"]);
  });
});

describe("match rules", () => {
  const CREATE = `mutation($input: CreateMatchInput!) { createMatch(input: $input) { match { id stage } } }`;

  it("needs consent covering that host before going to it (a consent for another host does not count)", async () => {
    const person = await t.factories.person({ coordinatorId });
    const resource = await t.factories.resource();
    await t.factories.consent(person.id, { organizationId: (await t.factories.organization()).id });
    await t.factories.consent(person.id, { organizationId: resource.organizationId, withdrawnAt: new Date() });
    await t.factories.consent(person.id, {
      organizationId: resource.organizationId,
      givenOn: "2025-01-01",
      expiresOn: "2025-12-31",
    });
    const created = await coordinator(CREATE, { input: { personId: person.id, resourceId: resource.id } });
    const res = await coordinator(TRANSITION, {
      input: { matchId: created.data!.createMatch.match.id, to: "HOST_COORDINATION", expectedVersion: 1 },
    });
    expect(codesOf(res)).toEqual(["CONFLICT"]);
    expect(res.errors![0].message).toMatch(/同意/);
  });

  it("applies the municipal rule 支援プランが必要 (山梨市) and refuses a duplicate open match", async () => {
    const person = await t.factories.person({ coordinatorId });
    const resource = await t.factories.resource();
    await t.db.getRepository(MunicipalSettings).update(1, { requireSupportPlanForMatch: true });
    try {
      const blocked = await coordinator(CREATE, { input: { personId: person.id, resourceId: resource.id } });
      expect(codesOf(blocked)).toEqual(["CONFLICT"]);
      expect(blocked.errors![0].message).toMatch(/支援プラン/);
      await coordinator(
        `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id } } }`,
        {
          input: { personId: person.id, planVersion: "NEW", goals: ["外出する"], agreedOn: today(), status: "AGREED" },
        },
      );
      expect(
        (await coordinator(CREATE, { input: { personId: person.id, resourceId: resource.id } })).errors,
      ).toBeUndefined();
      expect(codesOf(await coordinator(CREATE, { input: { personId: person.id, resourceId: resource.id } }))).toEqual([
        "CONFLICT",
      ]);
    } finally {
      await t.db.getRepository(MunicipalSettings).update(1, { requireSupportPlanForMatch: false });
    }
  });

  it("a match's plan is an agreed one: naming a draft plan is refused, and does not satisfy 支援プランが必要", async () => {
    const person = await t.factories.person({ coordinatorId });
    const resource = await t.factories.resource();
    const draft = (
      await coordinator(
        `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id } } }`,
        { input: { personId: person.id, planVersion: "NEW", goals: ["外出する"] } },
      )
    ).data!.createSupportPlan.supportPlan.id;
    await t.db.getRepository(MunicipalSettings).update(1, { requireSupportPlanForMatch: true });
    try {
      const res = await coordinator(CREATE, {
        input: { personId: person.id, resourceId: resource.id, supportPlanId: draft },
      });
      expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
      expect(fieldsOf(res)).toEqual(["input.supportPlanId"]);
      expect(await t.db.getRepository(Match).countBy({ personId: person.id })).toBe(0);
    } finally {
      await t.db.getRepository(MunicipalSettings).update(1, { requireSupportPlanForMatch: false });
    }
  });

  it("a listing that requires a support plan takes only persons with an agreed plan", async () => {
    const person = await t.factories.person({ coordinatorId });
    const resource = await t.factories.resource({
      eligibility: {
        ageMin: null,
        ageMax: null,
        certificateRequired: false,
        residenceRequired: false,
        requiresSupportPlan: true,
        referredCasesOnly: false,
      },
    });
    const blocked = await coordinator(CREATE, { input: { personId: person.id, resourceId: resource.id } });
    expect(codesOf(blocked)).toEqual(["CONFLICT"]);
    expect(blocked.errors![0].message).toMatch(/支援プラン/);
    expect(await t.db.getRepository(Match).countBy({ personId: person.id })).toBe(0);
    await coordinator(
      `mutation($input: CreateSupportPlanInput!) { createSupportPlan(input: $input) { supportPlan { id } } }`,
      { input: { personId: person.id, planVersion: "NEW", goals: ["外出する"], agreedOn: today(), status: "AGREED" } },
    );
    expect(
      (await coordinator(CREATE, { input: { personId: person.id, resourceId: resource.id } })).errors,
    ).toBeUndefined();
  });

  it("定着 before the follow-up period (設定: フォローアップ期間) has passed needs a reason, which the history keeps", async () => {
    const early = await matchIn(MatchStage.ACTIVE_FOLLOW_UP);
    const moves = `query($id: ID!) { match(id: $id) { allowedTransitions { to reasonRequired } } }`;
    // The board's dialog asks for the reason up front.
    expect((await coordinator(moves, { id: early.id })).data!.match.allowedTransitions).toContainEqual({
      to: "STABLE",
      reasonRequired: true,
    });
    const refused = await coordinator(TRANSITION, {
      input: { matchId: early.id, to: "STABLE", expectedVersion: early.version, outcome: OUTCOME },
    });
    expect(codesOf(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(refused)).toEqual(["input.reason"]);
    expect(refused.errors![0].extensions!.fields[0].messages[0]).toMatch(/フォローアップ期間 \(3か月\)/);
    expect((await t.db.getRepository(Match).findOneByOrFail({ id: early.id })).stage).toBe(MatchStage.ACTIVE_FOLLOW_UP);

    const reason = "本人・受け入れ先とも安定しており、早めに定着とした";
    const ok = await coordinator(TRANSITION, {
      input: { matchId: early.id, to: "STABLE", expectedVersion: early.version, outcome: OUTCOME, reason },
    });
    expect(ok.data!.transitionMatch.match.stage).toBe("STABLE");
    const history = await coordinator(`query($id: ID!) { match(id: $id) { history { toStage reason } } }`, {
      id: early.id,
    });
    expect(history.data!.match.history.at(-1)).toEqual({ toStage: "STABLE", reason });

    // Started three months ago: the follow-up period is over, no reason needed.
    const person = await t.factories.person({ coordinatorId });
    await t.factories.consent(person.id);
    const started = addMonths(today(), -3);
    const settled = await t.factories.match({
      personId: person.id,
      coordinatorId,
      path: [
        [MatchStage.HOST_COORDINATION, started],
        [MatchStage.PROPOSED, started],
        [MatchStage.ACTIVE_FOLLOW_UP, started],
      ],
    });
    expect((await coordinator(moves, { id: settled.id })).data!.match.allowedTransitions).toContainEqual({
      to: "STABLE",
      reasonRequired: false,
    });
    expect(
      (
        await coordinator(TRANSITION, {
          input: { matchId: settled.id, to: "STABLE", expectedVersion: settled.version, outcome: OUTCOME },
        })
      ).errors,
    ).toBeUndefined();
  });

  it("plans the follow-ups of a start on the office's open days (no Saturday, Sunday, 祝日 or 年末年始)", async () => {
    const match = await matchIn(MatchStage.PROPOSED);
    const res = await coordinator(TRANSITION, {
      input: { matchId: match.id, to: "ACTIVE_FOLLOW_UP", expectedVersion: match.version },
    });
    expect(res.errors).toBeUndefined();
    const settings = await t.db.getRepository(MunicipalSettings).findOneByOrFail({ id: 1 });
    const dues = await t.db.getRepository(FollowUpDue).find({ where: { matchId: match.id }, order: { dueOn: "ASC" } });
    expect(dues.map((d) => [d.kind, d.dueOn])).toEqual(
      onOpenDays(participationSchedule(today(), settings), settings).map((p) => [p.kind, p.dueOn]),
    );
    for (const d of dues) expect(isOpenDay(d.dueOn, DEFAULT_OFFICE_DAYS), d.dueOn).toBe(true);
  });

  it("the office's open days are the municipality's setting: an office open on Saturdays and 祝日 keeps those dates", async () => {
    const admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
    const SET = `mutation($input: UpdateMunicipalSettingsInput!) { updateMunicipalSettings(input: $input) { openWeekdays closedOnHolidays closedForYearEnd } }`;
    expect(fieldsOf(await admin(SET, { input: { openWeekdays: [] } }))).toEqual(["input.openWeekdays"]);
    const set = await admin(SET, {
      input: {
        openWeekdays: ["SAT", "MON", "TUE", "WED", "THU", "FRI"],
        closedOnHolidays: false,
        closedForYearEnd: false,
      },
    });
    expect(set.data!.updateMunicipalSettings).toEqual({
      openWeekdays: ["MON", "TUE", "WED", "THU", "FRI", "SAT"],
      closedOnHolidays: false,
      closedForYearEnd: false,
    });
    try {
      const office = {
        openWeekdays: ["MON", "TUE", "WED", "THU", "FRI", "SAT"] as never,
        closedOnHolidays: false,
        closedForYearEnd: false,
      };
      const match = await matchIn(MatchStage.PROPOSED);
      await coordinator(TRANSITION, {
        input: { matchId: match.id, to: "ACTIVE_FOLLOW_UP", expectedVersion: match.version },
      });
      const settings = await t.db.getRepository(MunicipalSettings).findOneByOrFail({ id: 1 });
      const dues = await t.db
        .getRepository(FollowUpDue)
        .find({ where: { matchId: match.id }, order: { dueOn: "ASC" } });
      expect(dues.map((d) => d.dueOn)).toEqual(
        onOpenDays(participationSchedule(today(), settings), office).map((p) => p.dueOn),
      );
      for (const d of dues) expect(new Date(`${d.dueOn}T00:00:00Z`).getUTCDay(), d.dueOn).not.toBe(0);
    } finally {
      await admin(SET, {
        input: { openWeekdays: ["MON", "TUE", "WED", "THU", "FRI"], closedOnHolidays: true, closedForYearEnd: true },
      });
    }
  });

  it("hides matches of persons the viewer may not see, and keeps hosts and viewers out", async () => {
    const member = await t.factories.user({ role: UserRole.COORDINATOR });
    const group = await t.factories.supportMeetingGroup([member.id]);
    const hidden = await t.factories.person({
      coordinatorId: member.id,
      track: "SUPPORT_MEETING" as never,
      supportMeetingGroupId: group.id,
    });
    const match = await t.factories.match({ personId: hidden.id, coordinatorId: member.id });
    expect(codesOf(await coordinator(`query($id: ID!) { match(id: $id) { id } }`, { id: match.id }))).toEqual([
      "NOT_FOUND",
    ]);
    expect(
      (await (await t.asViewer(member))(`query($id: ID!) { match(id: $id) { id } }`, { id: match.id })).data!.match.id,
    ).toBe(match.id);
    for (const role of [UserRole.HOST, UserRole.VIEWER]) {
      const gql = await t.asViewer(await t.factories.user({ role }));
      expect(codesOf(await gql(`{ matches { totalCount } }`))).toEqual(["FORBIDDEN"]);
    }
  });
});
