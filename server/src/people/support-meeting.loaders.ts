import DataLoader from "dataloader";
import { today } from "@tsunagu/calendar";
import { AuthService } from "../auth/auth.service.js";
import type { User } from "../auth/user.entity.js";
import type { LoaderScope } from "../context.js";
import { defineLoaders, throughJoin } from "../core/loaders.js";
import { Person } from "./person.entity.js";
import { activeConsentSql } from "./person.visibility.js";

const byName = (a: User, b: User) => a.displayName.localeCompare(b.displayName, "ja") || a.id.localeCompare(b.id);

export const supportMeetingLoaders = defineLoaders(({ db }: LoaderScope) => ({
  /** A meeting's members, by name: two queries for the batch. */
  members: throughJoin(db, { table: "support_meeting_member", owner: "group_id", target: "user_id" }, async (ids) =>
    (await AuthService.usersByIds(db.manager, ids)).sort(byName),
  ),
  /** How many persons are on a meeting's track today (no active consent): one query for the batch, counts only. */
  personCount: new DataLoader<string, number>(async (groupIds) => {
    const rows: { groupId: string; n: number }[] = await db
      .getRepository(Person)
      .createQueryBuilder("p")
      .select("p.supportMeetingGroupId", "groupId")
      .addSelect("count(*)::int", "n")
      .where("p.supportMeetingGroupId IN (:...groupIds)", { groupIds: [...groupIds] })
      .andWhere(`NOT ${activeConsentSql("p")}`, { basisToday: today() })
      .groupBy("p.supportMeetingGroupId")
      .getRawMany();
    const counts = new Map(rows.map((r) => [r.groupId, r.n]));
    return groupIds.map((id) => counts.get(id) ?? 0);
  }),
}));
