import type { EntityManager } from "typeorm";
import type { MunicipalSettings } from "../settings/municipal-settings.entity.js";
import { FollowUpDue } from "./followup.entity.js";
import { FollowUpDueStatus } from "./followup.enums.js";
import { participationSchedule, postClosureSchedule, type PlannedFollowUp } from "./followup.schedule.js";
import { onOpenDays } from "./office-days.js";

/**
 * Writes the planned follow-ups a stage change calls for, each on the office's next open day (a visit planned for a
 * Saturday or 祝日 moves to the next day the office is open). The match service calls these inside its transaction.
 */
export const followUpPlanner = {
  async planParticipation(
    tx: EntityManager,
    matchId: string,
    startedOn: string,
    settings: MunicipalSettings,
  ): Promise<void> {
    await insert(tx, matchId, onOpenDays(participationSchedule(startedOn, settings), settings));
  },

  async planPostClosure(
    tx: EntityManager,
    matchId: string,
    closedOn: string,
    settings: MunicipalSettings,
  ): Promise<void> {
    await insert(tx, matchId, onOpenDays(postClosureSchedule(closedOn, settings), settings));
  },

  /** Cancels every follow-up still planned for the match (the match stopped, or a new cycle replaces them). */
  async cancelOpen(tx: EntityManager, matchId: string): Promise<void> {
    await tx
      .getRepository(FollowUpDue)
      .update({ matchId, status: FollowUpDueStatus.PLANNED }, { status: FollowUpDueStatus.CANCELLED });
  },
};

async function insert(tx: EntityManager, matchId: string, planned: PlannedFollowUp[]): Promise<void> {
  if (!planned.length) return;
  const repo = tx.getRepository(FollowUpDue);
  await repo.insert(
    planned.map((p) =>
      repo.create({
        matchId,
        kind: p.kind,
        dueOn: p.dueOn,
        status: FollowUpDueStatus.PLANNED,
        doneOn: null,
        recordId: null,
      }),
    ),
  );
}
