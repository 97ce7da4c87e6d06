import { In, type DataSource } from "typeorm";
import type { LoaderScope } from "../context.js";
import { byId, defineLoaders, throughJoin } from "../core/loaders.js";
import { Area } from "./area.entity.js";

/** Areas in the order they are listed everywhere: by type, then by name. */
const inListOrder = (db: DataSource) => (ids: string[]) =>
  db.getRepository(Area).find({ where: { id: In(ids) }, order: { type: "ASC", name: "ASC" } });

/** The areas linked to an owner through `table` (e.g. a resource's areas), for a feature that links to areas. */
export const areasThrough = (db: DataSource, table: string, owner: string, target = "area_id") =>
  throughJoin(db, { table, owner, target }, inListOrder(db));

export const areaLoaders = defineLoaders(({ db }: LoaderScope) => ({
  area: byId(db, Area),
  parents: areasThrough(db, "area_parent", "area_id", "parent_id"),
}));
