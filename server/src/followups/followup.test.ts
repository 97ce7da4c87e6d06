import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { addDays, today } from "@tsunagu/calendar";
import { MatchStage } from "../matching/match.enums.js";
import { codesOf, createTestApp, fieldsOf, type Gql, type TestApp } from "../test/harness.js";
import { FollowUpDue, FollowUpRecord } from "./followup.entity.js";
import { FollowUpDueStatus, FollowUpKind } from "./followup.enums.js";

let t: TestApp;
let coordinator: Gql;
let coordinatorId: string;

const RECORD = /* GraphQL */ `
  mutation ($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      followUp {
        id
        contactedOn
        nextDueOn
      }
    }
  }
`;
const DUE = /* GraphQL */ `
  {
    myFollowUpsDue(withinDays: 7) {
      state
      daysOverdue
      due {
        kind
        dueOn
      }
      match {
        id
      }
    }
  }
`;

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinatorId = user.id;
  coordinator = await t.asViewer(user);
});
afterAll(() => t.close());

describe("follow-ups", () => {
  it("lists the signed-in coordinator's overdue, today's and this week's follow-ups, overdue first", async () => {
    const match = await t.factories.match({
      coordinatorId,
      path: [
        [MatchStage.HOST_COORDINATION, today()],
        [MatchStage.PROPOSED, today()],
        [MatchStage.ACTIVE_FOLLOW_UP, today()],
      ],
    });
    await t.factories.followUpDue(match, { dueOn: addDays(today(), -3), kind: FollowUpKind.FIRST_CHECK });
    await t.factories.followUpDue(match, { dueOn: today() });
    await t.factories.followUpDue(match, { dueOn: addDays(today(), 5) });
    await t.factories.followUpDue(match, { dueOn: addDays(today(), 30) });
    await t.factories.followUpDue(match, { dueOn: addDays(today(), -1), status: FollowUpDueStatus.DONE });
    const someoneElses = await t.factories.match({ path: [[MatchStage.HOST_COORDINATION, today()]] });
    await t.factories.followUpDue(someoneElses, { dueOn: today() });

    const res = await coordinator(DUE);
    expect(
      res.data!.myFollowUpsDue.map((d: { state: string; daysOverdue: number }) => [d.state, d.daysOverdue]),
    ).toEqual([
      ["OVERDUE", 3],
      ["DUE_TODAY", 0],
      ["UPCOMING", 0],
    ]);
    expect(codesOf(await coordinator(`{ myFollowUpsDue(withinDays: 365) { state } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("a record completes the oldest open follow-up due by then, and plans the next one", async () => {
    const match = await t.factories.match({
      coordinatorId,
      path: [
        [MatchStage.HOST_COORDINATION, today()],
        [MatchStage.PROPOSED, today()],
        [MatchStage.ACTIVE_FOLLOW_UP, today()],
      ],
    });
    const first = await t.factories.followUpDue(match, { dueOn: addDays(today(), -2), kind: FollowUpKind.FIRST_CHECK });
    const later = await t.factories.followUpDue(match, { dueOn: addDays(today(), 40) });
    const res = await coordinator(RECORD, {
      input: {
        matchId: match.id,
        contactedOn: today(),
        method: "PHONE",
        counterparts: ["PERSON"],
        changeObserved: false,
        nextDueOn: addDays(today(), 10),
      },
    });
    expect(res.errors).toBeUndefined();
    const dues = t.db.getRepository(FollowUpDue);
    expect(await dues.findOneByOrFail({ id: first.id })).toMatchObject({
      status: "DONE",
      doneOn: today(),
      recordId: res.data!.recordFollowUp.followUp.id,
    });
    expect((await dues.findOneByOrFail({ id: later.id })).status).toBe("PLANNED");
    expect(await dues.findOneBy({ matchId: match.id, kind: FollowUpKind.AD_HOC })).toMatchObject({
      dueOn: addDays(today(), 10),
      status: "PLANNED",
    });
  });

  it("refuses inconsistent records and writes nothing", async () => {
    const match = await t.factories.match({ coordinatorId, path: [[MatchStage.HOST_COORDINATION, today()]] });
    const base = {
      matchId: match.id,
      contactedOn: today(),
      method: "VISIT",
      counterparts: ["PERSON"],
      changeObserved: false,
    };
    const before = await t.db.getRepository(FollowUpRecord).count();
    for (const [input, field] of [
      [{ ...base, changeCategories: ["DAILY_RHYTHM"] }, "input.changeObserved"],
      [{ ...base, nextDueOn: today() }, "input.nextDueOn"],
      [{ ...base, sessionsAttended: 5, sessionsPlanned: 4 }, "input.sessionsAttended"],
      [{ ...base, contactedOn: addDays(today(), 2) }, "input.contactedOn"],
      [{ ...base, contactedOn: "1990-01-01" }, "input.contactedOn"],
      [{ ...base, contactedOn: addDays(today(), -1) }, "input.contactedOn"], // the match was started today
      [{ ...base, counterparts: [] }, "input.counterparts"],
      [{ ...base, method: "FAX" }, null],
    ] as [Record<string, unknown>, string | null][]) {
      const res = await coordinator(RECORD, { input });
      if (field) expect(fieldsOf(res)).toEqual([field]);
      else expect(res.errors).toBeDefined();
    }
    expect(await t.db.getRepository(FollowUpRecord).count()).toBe(before);
    const host = await t.asViewer(await t.factories.user({ role: UserRole.HOST }));
    expect(codesOf(await host(RECORD, { input: base }))).toEqual(["FORBIDDEN"]);
  });
});
