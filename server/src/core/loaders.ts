import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { Area } from "../areas/area.entity.js";
import { User } from "../auth/user.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { Resource } from "../resources/resource.entity.js";

/** Per-request batching: every relation field goes through one of these, never a query per parent row. */
export interface Loaders {
  organization: DataLoader<string, Organization | null>;
  area: DataLoader<string, Area | null>;
  areasOfResource: DataLoader<string, Area[]>;
  parentsOfArea: DataLoader<string, Area[]>;
  user: DataLoader<string, User | null>;
  resource: DataLoader<string, Resource | null>;
}

export function createLoaders(db: DataSource): Loaders {
  const byId = <T extends { id: string }>(entity: new () => T) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });

  /** Many-to-many through a join table: two queries for the whole batch (join rows, then the areas). */
  const throughJoin = (table: string, ownerColumn: string, targetColumn: string) =>
    new DataLoader<string, Area[]>(async (ownerIds) => {
      const links: { owner: string; target: string }[] = await db.query(
        `SELECT ${ownerColumn} AS owner, ${targetColumn} AS target FROM ${table} WHERE ${ownerColumn} = ANY($1::uuid[])`,
        [[...ownerIds]],
      );
      const areas = links.length
        ? await db
            .getRepository(Area)
            .find({ where: { id: In([...new Set(links.map((l) => l.target))]) }, order: { type: "ASC", name: "ASC" } })
        : [];
      const order = new Map(areas.map((a, i) => [a.id, i]));
      const byId = new Map(areas.map((a) => [a.id, a]));
      const grouped = new Map<string, Area[]>();
      for (const { owner, target } of links) {
        const area = byId.get(target);
        if (!area) continue;
        grouped.set(owner, [...(grouped.get(owner) ?? []), area]);
      }
      return ownerIds.map((id) => (grouped.get(id) ?? []).sort((x, y) => order.get(x.id)! - order.get(y.id)!));
    });

  return {
    organization: byId(Organization),
    area: byId(Area),
    areasOfResource: throughJoin("resource_area", "resource_id", "area_id"),
    parentsOfArea: throughJoin("area_parent", "area_id", "parent_id"),
    user: byId(User),
    resource: byId(Resource),
  };
}
