import type { LoaderScope } from "../context.js";
import { byId, defineLoaders } from "../core/loaders.js";
import { User } from "./user.entity.js";

export const userLoaders = defineLoaders(({ db }: LoaderScope) => ({
  user: byId(db, User),
}));
