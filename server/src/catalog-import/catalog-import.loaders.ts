import DataLoader from "dataloader";
import { In } from "typeorm";
import type { LoaderScope } from "../context.js";
import { defineLoaders } from "../core/loaders.js";
import { ResourceSource } from "./catalog-import.entity.js";

export const catalogImportLoaders = defineLoaders(({ db }: LoaderScope) => ({
  /** A listing's source, by the listing's id (null for listings made in tsunagu). */
  source: new DataLoader<string, ResourceSource | null>(async (ids) => {
    const rows = await db.getRepository(ResourceSource).findBy({ resourceId: In([...ids]) });
    const found = new Map(rows.map((r) => [r.resourceId, r]));
    return ids.map((id) => found.get(id) ?? null);
  }),
}));
