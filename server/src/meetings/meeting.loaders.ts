import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { LoaderScope } from "../context.js";
import { defineLoaders, groupIn } from "../core/loaders.js";

/** The ids a record links to through one of its join tables: one query for the batch. */
const idsThrough = (db: DataSource, table: string, target: string) =>
  new DataLoader<string, string[]>(async (owners) => {
    const rows: { owner: string; target: string }[] = await db.query(
      `SELECT meeting_record_id AS owner, ${target} AS target FROM ${table} WHERE meeting_record_id = ANY($1::uuid[])`,
      [[...owners]],
    );
    return groupIn(owners, rows, (r) => r.owner).map((links) => links.map((l) => l.target));
  });

export const meetingLoaders = defineLoaders(({ db }: LoaderScope) => ({
  organizationIds: idsThrough(db, "meeting_record_organization", "organization_id"),
  attendeeIds: idsThrough(db, "meeting_record_user", "user_id"),
  personIds: idsThrough(db, "meeting_record_person", "person_id"),
}));
