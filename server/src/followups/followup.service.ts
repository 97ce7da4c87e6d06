import type { DataSource, EntityManager } from "typeorm";
import { LessThanOrEqual } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { addDays, daysBetween, today } from "@tsunagu/calendar";
import { DomainError, badInput, forbidden } from "../core/errors.js";
// A genuine two-way dependency: a contact is about a match (its lock, its visibility, its start), and a match's
// moves plan and write follow-ups (MatchService.move). Each side calls only the other's service.
import { MatchService } from "../matching/match.service.js";
import { PersonService } from "../people/person.service.js";
import { FollowUpDue, FollowUpRecord } from "./followup.entity.js";
import { DueState, FollowUpDueStatus, FollowUpKind } from "./followup.enums.js";
import type { DueFollowUp, RecordFollowUpInput } from "./followup.inputs.js";
import { followUpPolicy } from "./followup.policy.js";

/** Planned follow-ups a record may complete: due within this many days after the contact. */
const MATCH_WINDOW_DAYS = 14;

/** A contact as stored; text is trimmed and lists deduplicated on the way in. */
export type FollowUpRecordFields = Omit<FollowUpRecord, "id" | "createdAt">;

export class FollowUpService {
  constructor(
    private readonly db: DataSource,
    private readonly matches: MatchService,
  ) {}

  /**
   * Writes a contact and moves the person's ladder level when it observed one. The one writer of follow-up records:
   * a recorded contact (record) and an outcome evaluation on a match's move (MatchService.move) both come here.
   */
  static async insertRecord(tx: EntityManager, fields: FollowUpRecordFields): Promise<FollowUpRecord> {
    const repo = tx.getRepository(FollowUpRecord);
    const record = await repo.save(
      repo.create({
        ...fields,
        counterparts: [...new Set(fields.counterparts)],
        changeCategories: [...new Set(fields.changeCategories)],
        narrative: fields.narrative.trim(),
        hostFeedback: fields.hostFeedback.trim(),
        hostGuidance: fields.hostGuidance.trim(),
      }),
    );
    if (fields.participationLevel)
      await PersonService.setParticipationLevel(tx, fields.personId, fields.participationLevel);
    return record;
  }

  /**
   * Records a contact. It completes the planned follow-up it answers (the one named, or the oldest still open that
   * is due by contactedOn + 14 days), moves the person's ladder level, and plans `nextDueOn`.
   */
  async record(viewer: Viewer | null, input: RecordFollowUpInput): Promise<FollowUpRecord> {
    if (!followUpPolicy.record(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const match = await this.matches.lockVisible(tx, viewer, input.matchId);
      const fields = [];
      // A contact about this match cannot predate the match (the day it was started as 候補).
      const began = await MatchService.firstTransition(tx, match.id);
      if (began && input.contactedOn < began.effectiveOn) {
        fields.push({
          field: "input.contactedOn",
          messages: [`実施日はマッチングを始めた日 (${began.effectiveOn}) 以降にしてください`],
        });
      }
      if (!input.changeObserved && (input.changeType || input.changeCategories.length)) {
        fields.push({
          field: "input.changeObserved",
          messages: ["変化の内容を記録するときは「変化あり」にしてください"],
        });
      }
      if (input.nextDueOn && input.nextDueOn <= input.contactedOn)
        fields.push({ field: "input.nextDueOn", messages: ["次回予定日は実施日より後にしてください"] });
      if (
        input.sessionsAttended != null &&
        input.sessionsPlanned != null &&
        input.sessionsAttended > input.sessionsPlanned
      ) {
        fields.push({ field: "input.sessionsAttended", messages: ["参加回数は開催回数以下にしてください"] });
      }
      if (fields.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", fields);

      const dues = tx.getRepository(FollowUpDue);
      const due = input.dueId
        ? await dues.findOneBy({ id: input.dueId, matchId: match.id, status: FollowUpDueStatus.PLANNED })
        : await dues.findOne({
            where: {
              matchId: match.id,
              status: FollowUpDueStatus.PLANNED,
              dueOn: LessThanOrEqual(addDays(input.contactedOn, MATCH_WINDOW_DAYS)),
            },
            order: { dueOn: "ASC" },
          });
      if (input.dueId && !due) throw badInput("input.dueId", "この予定は見つからないか、すでに実施・取消されています");

      const record = await FollowUpService.insertRecord(tx, {
        matchId: match.id,
        personId: match.personId,
        recordedById: viewer!.userId,
        contactedOn: input.contactedOn,
        method: input.method,
        counterparts: input.counterparts,
        sessionsAttended: input.sessionsAttended ?? null,
        sessionsPlanned: input.sessionsPlanned ?? null,
        participationLevel: input.participationLevel ?? null,
        changeObserved: input.changeObserved,
        changeType: input.changeType ?? null,
        changeCategories: input.changeCategories,
        narrative: input.narrative,
        relationshipStability: input.relationshipStability ?? null,
        hostFeedback: input.hostFeedback,
        hostGuidance: input.hostGuidance,
        nextDueOn: input.nextDueOn ?? null,
        isOutcomeEvaluation: false,
      });
      if (due)
        await dues.update(due.id, { status: FollowUpDueStatus.DONE, doneOn: input.contactedOn, recordId: record.id });
      if (input.nextDueOn) {
        await dues.insert(
          dues.create({
            matchId: match.id,
            kind: FollowUpKind.AD_HOC,
            dueOn: input.nextDueOn,
            status: FollowUpDueStatus.PLANNED,
            doneOn: null,
            recordId: null,
          }),
        );
      }
      await MatchService.touch(tx, match.id);
      return record;
    });
  }

  /** 今日・今週のフォローアップ: the signed-in coordinator's planned follow-ups, overdue first. */
  async dueFor(viewer: Viewer, withinDays: number, now = new Date()): Promise<DueFollowUp[]> {
    if (!followUpPolicy.listDue(viewer)) throw forbidden();
    const day = today(now);
    // Only matches of persons the viewer may still see (a withdrawn consent takes the person off this list too).
    const rows = await this.matches
      .joinVisible(this.db.getRepository(FollowUpDue).createQueryBuilder("d"), "d.matchId", viewer)
      .andWhere("m.coordinatorId = :uid")
      .andWhere("d.status = :planned", { planned: FollowUpDueStatus.PLANNED })
      .andWhere("d.dueOn <= :until", { until: addDays(day, withinDays) })
      .orderBy("d.dueOn", "ASC")
      .take(500)
      .getMany();
    if (!rows.length) return [];
    const matches = await MatchService.byIds(this.db.manager, [...new Set(rows.map((d) => d.matchId))]);
    const byId = new Map(matches.map((m) => [m.id, m]));
    return rows.map((due) => {
      const late = daysBetween(due.dueOn, day);
      return {
        due,
        match: byId.get(due.matchId)!,
        daysOverdue: Math.max(0, late),
        state: late > 0 ? DueState.OVERDUE : late === 0 ? DueState.DUE_TODAY : DueState.UPCOMING,
      };
    });
  }
}
