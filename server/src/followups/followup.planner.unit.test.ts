import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";
import type { MunicipalSettings } from "../settings/municipal-settings.entity.js";
import { FollowUpDue } from "./followup.entity.js";
import { FollowUpDueStatus, FollowUpKind } from "./followup.enums.js";
import { followUpPlanner } from "./followup.planner.js";
import { DEFAULT_OFFICE_DAYS } from "./office-days.js";

/*
 * The planner only decides which rows to write; the writes themselves go through the real database in the match
 * server tests (match.test.ts, followup.test.ts). Here a stand-in transaction records what the planner asks for.
 */
function recordingTx() {
  const inserted: unknown[][] = [];
  const updated: { where: unknown; set: unknown }[] = [];
  const entities: unknown[] = [];
  const tx = {
    getRepository: (entity: unknown) => {
      entities.push(entity);
      return {
        create: (row: object) => ({ ...row }),
        insert: async (rows: unknown[]) => void inserted.push(rows),
        update: async (where: unknown, set: unknown) => void updated.push({ where, set }),
      };
    },
  } as unknown as EntityManager;
  return { tx, inserted, updated, entities };
}

const SETTINGS = {
  firstCheckDays: 14, followUpMonths: 3, settlingCheckMonths: [3, 6], postClosureIntervalMonths: 3, postClosureContacts: 2,
  ...DEFAULT_OFFICE_DAYS,
} as unknown as MunicipalSettings;

const planned = (kind: FollowUpKind, dueOn: string) =>
  ({ matchId: "M1", kind, dueOn, status: FollowUpDueStatus.PLANNED, doneOn: null, recordId: null });

describe("the follow-ups a stage change plans", () => {
  it("a start plans the first check, the monthly visits and the 定着確認, each moved to the office's next open day", async () => {
    const { tx, inserted, entities } = recordingTx();
    // Started Friday 2026-06-05: +14 days is Friday 06-19; 07-05 is a Sunday, 09-05 a Saturday, 12-05 a Saturday.
    await followUpPlanner.planParticipation(tx, "M1", "2026-06-05", SETTINGS);
    expect(entities).toEqual([FollowUpDue]);
    expect(inserted).toEqual([[
      planned(FollowUpKind.FIRST_CHECK, "2026-06-19"),
      planned(FollowUpKind.MONTHLY, "2026-07-06"),
      planned(FollowUpKind.MONTHLY, "2026-08-05"),
      planned(FollowUpKind.SETTLING_CHECK, "2026-09-07"),
      planned(FollowUpKind.SETTLING_CHECK, "2026-12-07"),
    ]]);
  });

  it("a closure plans the 終結後 contacts, on open days (年末年始 moves one to January)", async () => {
    const { tx, inserted } = recordingTx();
    await followUpPlanner.planPostClosure(tx, "M1", "2026-09-29", SETTINGS);
    expect(inserted).toEqual([[
      planned(FollowUpKind.POST_CLOSURE, "2027-01-04"), // 12-29 is closed for 年末年始
      planned(FollowUpKind.POST_CLOSURE, "2027-03-29"),
    ]]);
  });

  it("writes nothing when the settings call for no visit", async () => {
    const { tx, inserted } = recordingTx();
    await followUpPlanner.planPostClosure(tx, "M1", "2026-09-29", { ...SETTINGS, postClosureContacts: 0 } as MunicipalSettings);
    expect(inserted).toEqual([]);
  });

  it("cancelling cancels only this match's follow-ups still planned", async () => {
    const { tx, updated, entities } = recordingTx();
    await followUpPlanner.cancelOpen(tx, "M1");
    expect(entities).toEqual([FollowUpDue]);
    expect(updated).toEqual([{ where: { matchId: "M1", status: FollowUpDueStatus.PLANNED }, set: { status: FollowUpDueStatus.CANCELLED } }]);
  });
});
