import { areasThrough } from "../areas/area.loaders.js";
import type { LoaderScope } from "../context.js";
import { byId, defineLoaders } from "../core/loaders.js";
import { Resource } from "./resource.entity.js";

export const resourceLoaders = defineLoaders(({ db }: LoaderScope) => ({
  resource: byId(db, Resource),
  areas: areasThrough(db, "resource_area", "resource_id"),
}));
