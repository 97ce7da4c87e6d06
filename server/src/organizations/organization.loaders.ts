import type { LoaderScope } from "../context.js";
import { byId, defineLoaders } from "../core/loaders.js";
import { Organization } from "./organization.entity.js";

export const organizationLoaders = defineLoaders(({ db }: LoaderScope) => ({
  organization: byId(db, Organization),
}));
