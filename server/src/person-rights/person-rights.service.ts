import { today } from "@tsunagu/calendar";
import type { DataSource, EntityManager } from "typeorm";
import { AuditAction } from "../audit/audit.enums.js";
import type { AuditService } from "../audit/audit.service.js";
import { badInput, conflict, forbidden } from "../core/errors.js";
import type { Viewer } from "../core/viewer.js";
import { Person } from "../people/person.entity.js";
import type { PersonService } from "../people/person.service.js";
import { MunicipalSettingsService } from "../settings/municipal-settings.service.js";
import { eraseOldNotes, erasePerson, erasureFacts, retentionCutoff } from "./erasure.js";
import { ErasureTrigger, PersonCorrection, PersonErasure } from "./person-rights.entity.js";
import type {
  CorrectPersonInput,
  ErasePersonInput,
  ResumePersonUseInput,
  StopPersonUseInput,
} from "./person-rights.inputs.js";
import { personRightsPolicy } from "./person-rights.policy.js";

/** The person's fields a correction is recorded for (needs.* one by one), as shown on screen. */
const CORRECTABLE = [
  "displayName",
  "nameKana",
  "birthYear",
  "ageBand",
  "areaId",
  "homeLat",
  "homeLng",
  "contactPreference",
  "contactNote",
  "householdNote",
  "householdIssues",
  "certificates",
  "participationLevel",
  "coordinatorId",
] as const;

/** A person's values are text, numbers, booleans, enum codes or lists of them. */
type Shown = string | number | boolean | null | undefined | Shown[];
const shown = (v: Shown): string =>
  v === null || v === undefined ? "" : Array.isArray(v) ? v.map(shown).join(", ") : String(v);

/** Every correctable field of the person as text, needs.* flattened. */
export function correctableValues(p: Person): Map<string, string> {
  const out = new Map<string, string>();
  const row = p as unknown as Record<string, unknown>;
  for (const f of CORRECTABLE) out.set(f, shown(row[f] as Shown));
  for (const [k, v] of Object.entries(p.needs ?? {})) out.set(`needs.${k}`, shown(v as Shown));
  return out;
}

/** The fields whose text differs, in a stable order. */
export function changedValues(
  before: Map<string, string>,
  after: Map<string, string>,
): { field: string; before: string; after: string }[] {
  return [...after.entries()]
    .filter(([field, value]) => (before.get(field) ?? "") !== value)
    .map(([field, value]) => ({ field, before: before.get(field) ?? "", after: value }));
}

/**
 * 本人の権利: 訂正 with history, 利用停止 / 再開, 消去 (explicit, and the daily retention job), for caseworkers who may
 * read the person. The 開示 is disclosure.service.ts.
 */
export class PersonRightsService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  private async visible(viewer: Viewer | null, personId: string, tx: EntityManager): Promise<Person> {
    if (!personRightsPolicy.act(viewer)) throw forbidden();
    return this.people.getVisible(viewer, personId, { tx, lock: true });
  }

  /** 訂正: the update, and one history row per field it changed (before → after, by whom, why). */
  async correct(viewer: Viewer | null, input: CorrectPersonInput): Promise<Person> {
    return this.db.transaction(async (tx) => {
      const current = await this.visible(viewer, input.id, tx);
      const refusal = personRightsPolicy.whyNotCorrect(current);
      if (refusal) throw conflict(refusal);
      const before = correctableValues(current);
      const { reason, ...update } = input;
      const after = await this.people.update(viewer, update, tx);
      const changes = changedValues(before, correctableValues(after));
      if (!changes.length) throw badInput("input", "訂正する項目の値を変更してください");
      const repo = tx.getRepository(PersonCorrection);
      await repo.save(
        changes.map((c) =>
          repo.create({ ...c, personId: after.id, reason: reason.trim(), correctedById: viewer!.userId }),
        ),
      );
      return after;
    });
  }

  /** 訂正の履歴, newest first (the caller has shown the person: PersonResolver). */
  static corrections(tx: EntityManager, personId: string): Promise<PersonCorrection[]> {
    return tx
      .getRepository(PersonCorrection)
      .find({ where: { personId }, order: { correctedAt: "DESC", field: "ASC" } });
  }

  static erasureOf(tx: EntityManager, personId: string): Promise<PersonErasure | null> {
    return tx.getRepository(PersonErasure).findOneBy({ personId });
  }

  async stop(viewer: Viewer | null, input: StopPersonUseInput): Promise<Person> {
    return this.db.transaction(async (tx) => {
      const person = await this.visible(viewer, input.personId, tx);
      const refusal = personRightsPolicy.whyNotStop(person);
      if (refusal) throw conflict(refusal);
      const stoppedOn = input.stoppedOn ?? today();
      if (stoppedOn < person.registeredOn)
        throw badInput("input.stoppedOn", "利用停止日は相談受付日より後にしてください");
      Object.assign(person, { stoppedOn, stopReason: input.reason.trim() });
      return tx.getRepository(Person).save(person);
    });
  }

  async resume(viewer: Viewer | null, input: ResumePersonUseInput): Promise<Person> {
    return this.db.transaction(async (tx) => {
      const person = await this.visible(viewer, input.personId, tx);
      const refusal = personRightsPolicy.whyNotResume(person);
      if (refusal) throw conflict(refusal);
      Object.assign(person, { stoppedOn: null, stopReason: null });
      return tx.getRepository(Person).save(person);
    });
  }

  /** The explicit erasure of a stopped person whose retention period has run. */
  async erase(viewer: Viewer | null, input: ErasePersonInput): Promise<{ person: Person; erasure: PersonErasure }> {
    return this.db.transaction(async (tx) => {
      const person = await this.visible(viewer, input.personId, tx);
      const [facts] = await erasureFacts(tx, { personId: person.id });
      const settings = await new MunicipalSettingsService(this.db).get(tx);
      const refusal = personRightsPolicy.whyNotErase(facts, settings.personRetentionYears, today());
      if (refusal) throw conflict(refusal);
      const erasure = await erasePerson(tx, person.id, ErasureTrigger.MANUAL, viewer!.userId);
      const erased = await tx.getRepository(Person).findOneByOrFail({ id: person.id });
      erased.track = person.track;
      return { person: erased, erasure };
    });
  }
}

/** Only one instance at a time runs the retention erasure (several app instances may share the database). */
const ERASURE_LOCK = 7_234_018;

/**
 * The daily retention job (background-jobs.ts): erases every person whose case closed more than
 * MunicipalSettings.personRetentionYears ago (personRightsPolicy.dueForErasure), then the free text of follow-up
 * records, intakes and meeting records past their own retention. Each person erased and each kind of old note is one
 * audit row (ERASE) with counts, never a value. `on` is the day it runs as (a fixed clock in tests).
 */
export class RetentionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async eraseDue(on: string = today()): Promise<number> {
    const settings = await new MunicipalSettingsService(this.db).get();
    const candidates = await erasureFacts(this.db.manager, {
      lastActivityUntil: retentionCutoff(on, settings.personRetentionYears),
    });
    let erased = 0;
    for (const candidate of candidates) {
      if (!personRightsPolicy.dueForErasure(candidate, settings.personRetentionYears, on)) continue;
      const erasure = await this.db.transaction(async (tx) => {
        const [{ locked }] = await tx.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [ERASURE_LOCK]);
        if (!locked) return null;
        // Re-read inside the lock: another instance may have erased it, or the case reopened.
        const [facts] = await erasureFacts(tx, { personId: candidate.id });
        if (!facts || !personRightsPolicy.dueForErasure(facts, settings.personRetentionYears, on)) return null;
        return erasePerson(tx, candidate.id, ErasureTrigger.RETENTION, null);
      });
      if (!erasure) continue;
      erased++;
      await this.audit.append([
        {
          actorUserId: null,
          actorRole: null,
          action: AuditAction.ERASE,
          entityType: "Person",
          recordId: candidate.id,
          personId: candidate.id,
          operation: "retentionErasure",
          requestId: "retention-erasure",
          clientAddress: null,
          detail: {
            cause: ErasureTrigger.RETENTION,
            counts: erasure.counts,
            retentionYears: settings.personRetentionYears,
          },
        },
      ]);
    }
    const notes = await this.db.transaction((tx) =>
      eraseOldNotes(tx, {
        followUpNotes: retentionCutoff(on, settings.followUpNoteRetentionYears),
        intakes: retentionCutoff(on, settings.intakeRetentionYears),
        meetings: retentionCutoff(on, settings.meetingRetentionYears),
      }),
    );
    const noteRows = Object.entries(notes).filter(([, n]) => n > 0);
    if (noteRows.length) {
      await this.audit.append(
        noteRows.map(([kind, n]) => ({
          actorUserId: null,
          actorRole: null,
          action: AuditAction.ERASE,
          entityType: kind,
          recordId: null,
          personId: null,
          operation: "retentionErasure",
          requestId: "retention-erasure",
          clientAddress: null,
          detail: { erasedNotes: n },
        })),
      );
    }
    return erased + noteRows.reduce((sum, [, n]) => sum + n, 0);
  }
}
