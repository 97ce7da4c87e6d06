import { IsNull, Not, type DataSource, type EntityManager } from "typeorm";
import { AuthService } from "../auth/auth.service.js";
import { badInput, forbidden, notFound } from "../core/errors.js";
import { isUuid } from "../core/validators.js";
import type { Viewer } from "../core/viewer.js";
import { SupportMeetingGroup } from "./support-meeting.entity.js";
import type { CreateSupportMeetingGroupInput, UpdateSupportMeetingGroupInput } from "./support-meeting.inputs.js";
import { supportMeetingPolicy } from "./support-meeting.policy.js";

/**
 * 支援会議 groups and who sits on them (support-meeting.policy.ts). Membership is read live by every person query
 * (person.visibility.ts), so a change of members takes effect on the next request: nothing is cached or copied.
 */
export class SupportMeetingService {
  constructor(private readonly db: DataSource) {}

  /** For the person feature's registration check, inside its transaction. */
  static find(tx: EntityManager, id: string): Promise<SupportMeetingGroup | null> {
    return isUuid(id) ? tx.getRepository(SupportMeetingGroup).findOneBy({ id }) : Promise.resolve(null);
  }

  /** 支援会議の一覧 (administrators): by name, archived ones only when asked. */
  list(viewer: Viewer | null, includeArchived: boolean): Promise<SupportMeetingGroup[]> {
    if (!supportMeetingPolicy.list(viewer)) throw forbidden();
    return this.db.getRepository(SupportMeetingGroup).find({
      where: includeArchived ? {} : { archivedAt: IsNull() },
      order: { name: "ASC", createdAt: "ASC" },
    });
  }

  /** The meetings the viewer sits on that take new persons: the choices of the registration form. */
  openGroupsOf(viewer: Viewer): Promise<SupportMeetingGroup[]> {
    return this.db
      .getRepository(SupportMeetingGroup)
      .createQueryBuilder("g")
      .innerJoin("support_meeting_member", "m", "m.group_id = g.id AND m.user_id = :uid", { uid: viewer.userId })
      .where("g.archivedAt IS NULL")
      .orderBy("g.name")
      .getMany();
  }

  async create(viewer: Viewer | null, input: CreateSupportMeetingGroupInput): Promise<SupportMeetingGroup> {
    if (!supportMeetingPolicy.create(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const name = input.name.trim();
      await assertNameFree(tx, name, null);
      const ids = await checkedMembers(tx, input.memberIds);
      const repo = tx.getRepository(SupportMeetingGroup);
      const group = await repo.save(repo.create({ name, archivedAt: null }));
      await tx.query("INSERT INTO support_meeting_member (group_id, user_id) SELECT $1, unnest($2::uuid[])", [
        group.id,
        ids,
      ]);
      return group;
    });
  }

  /** Rename, and replace the member set: whoever is left out stops seeing the meeting's persons at once. */
  async update(viewer: Viewer | null, input: UpdateSupportMeetingGroupInput): Promise<SupportMeetingGroup> {
    if (!supportMeetingPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const group = await lockGroup(tx, input.id);
      if (input.name !== undefined && input.name.trim() !== group.name) {
        group.name = input.name.trim();
        await assertNameFree(tx, group.name, group.id);
      }
      if (input.memberIds !== undefined) {
        const ids = await checkedMembers(tx, input.memberIds);
        await tx.query("DELETE FROM support_meeting_member WHERE group_id = $1 AND user_id <> ALL($2::uuid[])", [
          group.id,
          ids,
        ]);
        await tx.query(
          "INSERT INTO support_meeting_member (group_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING",
          [group.id, ids],
        );
      }
      return tx.getRepository(SupportMeetingGroup).save(group);
    });
  }

  /**
   * アーカイブ / 元に戻す: an archived meeting takes no new person and leaves the registration choices; its persons
   * stay on it, seen by its members as before. Archiving twice keeps the first date.
   */
  async setArchived(viewer: Viewer | null, id: string, archived: boolean): Promise<SupportMeetingGroup> {
    if (!supportMeetingPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const group = await lockGroup(tx, id);
      group.archivedAt = archived ? (group.archivedAt ?? new Date()) : null;
      return tx.getRepository(SupportMeetingGroup).save(group);
    });
  }
}

async function lockGroup(tx: EntityManager, id: string): Promise<SupportMeetingGroup> {
  const group = isUuid(id)
    ? await tx.getRepository(SupportMeetingGroup).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!group) throw notFound("支援会議");
  return group;
}

async function assertNameFree(tx: EntityManager, name: string, self: string | null): Promise<void> {
  const taken = await tx.getRepository(SupportMeetingGroup).existsBy({ name, ...(self ? { id: Not(self) } : {}) });
  if (taken) throw badInput("input.name", "同じ名前の支援会議があります。別の名前にしてください");
}

/** The member ids, once each, if every one is an account that may sit on a meeting (supportMeetingPolicy.maySit). */
async function checkedMembers(tx: EntityManager, memberIds: string[]): Promise<string[]> {
  const ids = [...new Set(memberIds)];
  if (!ids.length) throw badInput("input.memberIds", "構成員を1人以上選んでください");
  const users = await AuthService.usersByIds(tx, ids);
  if (users.length !== ids.length || !users.every(supportMeetingPolicy.maySit)) {
    throw badInput("input.memberIds", "構成員には利用中の職員 (管理者・コーディネーター) を選んでください");
  }
  return ids;
}
