import { Area } from "../areas/area.entity.js";
import { UserSession, User, UserCredential } from "../auth/user.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { Resource } from "../resources/resource.entity.js";
import { SearchOutbox } from "../search/search-outbox.entity.js";

/** Every TypeORM entity, listed explicitly: globs do not work the same under tsc output and vitest. */
export const ENTITIES = [Area, Organization, Resource, User, UserCredential, UserSession, SearchOutbox];
