import type { EntityManager } from "typeorm";
import type { MunicipalSettings } from "../settings/municipal-settings.entity.js";
import { FollowUpDue } from "./followup.entity.js";
import { FollowUpDueStatus } from "./followup.enums.js";
import { participationSchedule, postClosureSchedule, type PlannedFollowUp } from "./followup.schedule.js";

/** Writes the planned follow-ups a stage change calls for; the match service calls these inside its transaction. */
export const followUpPlanner = {
  async planParticipation(tx: EntityManager, matchId: string, startedOn: string, settings: MunicipalSettings): Promise<void> {
    await insert(tx, matchId, participationSchedule(startedOn, settings));
  },

  async planPostClosure(tx: EntityManager, matchId: string, closedOn: string, settings: MunicipalSettings): Promise<void> {
    await insert(tx, matchId, postClosureSchedule(closedOn, settings));
  },

  /** Cancels every follow-up still planned for the match (the match stopped, or a new cycle replaces them). */
  async cancelOpen(tx: EntityManager, matchId: string): Promise<void> {
    await tx.getRepository(FollowUpDue).update({ matchId, status: FollowUpDueStatus.PLANNED }, { status: FollowUpDueStatus.CANCELLED });
  },
};

async function insert(tx: EntityManager, matchId: string, planned: PlannedFollowUp[]): Promise<void> {
  if (!planned.length) return;
  const repo = tx.getRepository(FollowUpDue);
  await repo.insert(planned.map((p) => repo.create({ matchId, kind: p.kind, dueOn: p.dueOn, status: FollowUpDueStatus.PLANNED, doneOn: null, recordId: null })));
}
