import DataLoader from "dataloader";
import { In } from "typeorm";
import type { LoaderScope } from "../context.js";
import { defineLoaders, manyBy } from "../core/loaders.js";
import { erasureFacts } from "./erasure.js";
import type { ErasureFacts } from "./person-rights.policy.js";
import { PersonCorrection, PersonErasure } from "./person-rights.entity.js";

export const personRightsLoaders = defineLoaders(({ db }: LoaderScope) => ({
  /** A person's correction history, newest first. */
  corrections: manyBy(db, PersonCorrection, "personId", { correctedAt: "DESC", field: "ASC" }),
  /** The tombstone of an erased person. */
  erasure: new DataLoader<string, PersonErasure | null>(async (ids) => {
    const rows = await db.getRepository(PersonErasure).findBy({ personId: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.personId === id) ?? null);
  }),
  /** What the retention rules look at (one query per person shown; a person page shows one). */
  erasureFacts: new DataLoader<string, ErasureFacts | null>((ids) =>
    Promise.all(ids.map(async (personId) => (await erasureFacts(db.manager, { personId }))[0] ?? null)),
  ),
}));
