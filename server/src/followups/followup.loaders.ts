import type { LoaderScope } from "../context.js";
import { defineLoaders, manyBy } from "../core/loaders.js";
import { FollowUpDue, FollowUpRecord } from "./followup.entity.js";

/** A match's follow-ups, keyed by match id. */
export const followUpLoaders = defineLoaders(({ db }: LoaderScope) => ({
  recordsOfMatch: manyBy(db, FollowUpRecord, "matchId", { contactedOn: "DESC", createdAt: "DESC" }),
  duesOfMatch: manyBy(db, FollowUpDue, "matchId", { dueOn: "ASC" }),
}));
