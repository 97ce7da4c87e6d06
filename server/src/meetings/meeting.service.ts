import type { DataSource, EntityManager } from "typeorm";
import { AuthService } from "../auth/auth.service.js";
import { datedPage, type FiscalYearPageArgs } from "../core/dated-page.js";
import { DomainError, conflict, forbidden, notFound } from "../core/errors.js";
import type { Connection } from "../core/pagination.js";
import { UserRole } from "../core/roles.js";
import { isUuid } from "../core/validators.js";
import type { Viewer } from "../core/viewer.js";
import { OrganizationService } from "../organizations/organization.service.js";
import type { PersonService } from "../people/person.service.js";
import { SupportMeetingService } from "../people/support-meeting.service.js";
import { MeetingRecord } from "./meeting-record.entity.js";
import { MeetingKind } from "./meeting.enums.js";
import type { CreateMeetingRecordInput, UpdateMeetingRecordInput } from "./meeting.inputs.js";
import { meetingPolicy } from "./meeting.policy.js";

const STALE = "他の人が先に更新しました。画面を読み込み直してください";
type Problem = { field: string; message: string };

/** 会議の記録: meetings held, who attended, which persons were discussed (by reference only), what was decided. */
export class MeetingService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  async create(viewer: Viewer | null, input: CreateMeetingRecordInput): Promise<MeetingRecord> {
    if (!meetingPolicy.create(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      await this.check(tx, viewer, input);
      const repo = tx.getRepository(MeetingRecord);
      const record = await repo.save(
        repo.create({
          heldOn: input.heldOn,
          kind: input.kind,
          title: input.title.trim(),
          decisions: input.decisions.trim(),
          supportMeetingGroupId: input.supportMeetingGroupId ?? null,
          recordedById: viewer!.userId,
        }),
      );
      await this.link(tx, record.id, input, []);
      return (await this.withAccess(tx, viewer, [record]))[0];
    });
  }

  async update(viewer: Viewer | null, input: UpdateMeetingRecordInput): Promise<MeetingRecord> {
    if (!meetingPolicy.create(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const record = isUuid(input.id)
        ? await tx
            .getRepository(MeetingRecord)
            .findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!record) throw notFound("会議の記録");
      const [current] = await this.withAccess(tx, viewer, [record]);
      if (!current.readable) throw forbidden("この支援会議の記録は、構成員と管理者だけが直せます");
      if (input.expectedVersion !== record.version) throw conflict(STALE);
      await this.check(tx, viewer, input);
      // Persons linked by someone else that this viewer may not see stay linked: a save must not drop what it never showed.
      const linked = await this.personIdsOf(tx, record.id);
      const visible = await this.people.visibleIds(viewer, linked, tx);
      const keep = linked.filter((id) => !visible.has(id));
      Object.assign(record, {
        heldOn: input.heldOn,
        kind: input.kind,
        title: input.title.trim(),
        decisions: input.decisions.trim(),
        supportMeetingGroupId: input.supportMeetingGroupId ?? null,
      });
      const saved = await tx.getRepository(MeetingRecord).save(record);
      await this.link(tx, record.id, input, keep);
      return (await this.withAccess(tx, viewer, [saved]))[0];
    });
  }

  /** A 年度's meetings, newest first, each marked with whether this viewer reads it in full. */
  async list(viewer: Viewer | null, args: FiscalYearPageArgs): Promise<Connection<MeetingRecord>> {
    if (!meetingPolicy.list(viewer)) throw forbidden();
    const page = await datedPage(this.db.getRepository(MeetingRecord).createQueryBuilder("m"), "m", "heldOn", args);
    await this.withAccess(
      this.db.manager,
      viewer,
      page.edges.map((e) => e.node),
    );
    return page;
  }

  /** Sets `personCount` and `readable` on each record: one query for the counts, one per distinct 支援会議. */
  private async withAccess(tx: EntityManager, viewer: Viewer | null, records: MeetingRecord[]) {
    if (!records.length) return records;
    const counts: { id: string; n: number }[] = await tx.query(
      `SELECT meeting_record_id AS id, count(*)::int AS n FROM meeting_record_person
        WHERE meeting_record_id = ANY($1::uuid[]) GROUP BY meeting_record_id`,
      [records.map((r) => r.id)],
    );
    const countOf = new Map(counts.map((c) => [c.id, c.n]));
    const groups = [...new Set(records.map((r) => r.supportMeetingGroupId).filter((g): g is string => g !== null))];
    const memberOf = new Set<string>();
    for (const group of groups) if (await this.people.isMember(viewer, group, tx)) memberOf.add(group);
    for (const record of records) {
      record.personCount = countOf.get(record.id) ?? 0;
      const member = record.supportMeetingGroupId !== null && memberOf.has(record.supportMeetingGroupId);
      record.readable = meetingPolicy.readFully(viewer, { ...record, personCount: record.personCount }, member);
    }
    return records;
  }

  private async personIdsOf(tx: EntityManager, recordId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      "SELECT person_id AS id FROM meeting_record_person WHERE meeting_record_id = $1",
      [recordId],
    );
    return rows.map((r) => r.id);
  }

  /** Replaces the record's organizations, attendees and persons (`keep`: persons linked already that stay). */
  private async link(tx: EntityManager, recordId: string, input: CreateMeetingRecordInput, keep: string[]) {
    const sets: [table: string, column: string, ids: string[]][] = [
      ["meeting_record_organization", "organization_id", input.organizationIds],
      ["meeting_record_user", "user_id", input.attendeeIds],
      ["meeting_record_person", "person_id", [...input.personIds, ...keep]],
    ];
    for (const [table, column, ids] of sets) {
      await tx.query(`DELETE FROM ${table} WHERE meeting_record_id = $1`, [recordId]);
      if (ids.length)
        await tx.query(
          `INSERT INTO ${table} (meeting_record_id, ${column}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [recordId, [...new Set(ids)]],
        );
    }
  }

  /** Every field problem at once (BAD_USER_INPUT); a person the viewer may not see is NOT_FOUND (existence is private). */
  private async check(tx: EntityManager, viewer: Viewer | null, input: CreateMeetingRecordInput): Promise<void> {
    const problems: Problem[] = [];
    if (!input.title.trim()) problems.push({ field: "title", message: "会議名を入力してください" });
    const groupId = input.supportMeetingGroupId ?? null;
    if (input.kind === MeetingKind.SHIEN_KAIGI && !groupId)
      problems.push({ field: "supportMeetingGroupId", message: "支援会議の記録には、どの支援会議かを選んでください" });
    if (input.kind !== MeetingKind.SHIEN_KAIGI && groupId)
      problems.push({
        field: "supportMeetingGroupId",
        message: "支援会議を選べるのは、種類が「支援会議」のときだけです",
      });
    if (input.kind === MeetingKind.SHIEN_KAIGI && groupId) {
      if (!(await SupportMeetingService.find(tx, groupId)))
        problems.push({ field: "supportMeetingGroupId", message: "支援会議が見つかりません" });
      else if (!meetingPolicy.mayRecordUnder(viewer, await this.people.isMember(viewer, groupId, tx)))
        problems.push({ field: "supportMeetingGroupId", message: "記録できるのは、自分が構成員の支援会議だけです" });
    }
    for (const id of new Set(input.organizationIds)) {
      if (!(await OrganizationService.exists(tx, id))) {
        problems.push({ field: "organizationIds", message: "団体が見つかりません" });
        break;
      }
    }
    const attendees = [...new Set(input.attendeeIds)];
    const users = await AuthService.usersByIds(tx, attendees);
    if (users.length !== attendees.length || users.some((u) => u.role === UserRole.HOST))
      problems.push({ field: "attendeeIds", message: "出席した職員が見つかりません" });
    if (problems.length)
      throw new DomainError(
        "BAD_USER_INPUT",
        "入力内容を確認してください",
        problems.map((p) => ({ field: `input.${p.field}`, messages: [p.message] })),
      );
    const persons = [...new Set(input.personIds)];
    const visible = await this.people.visibleIds(viewer, persons, tx);
    if (persons.some((id) => !visible.has(id))) throw notFound("本人");
  }
}
