import DataLoader from "dataloader";
import { areasThrough } from "../areas/area.loaders.js";
import type { LoaderScope } from "../context.js";
import { byId, defineLoaders, manyBy } from "../core/loaders.js";
import { ResourceChange } from "./resource-change.entity.js";
import { Resource } from "./resource.entity.js";
import { VerificationRequest } from "./verification-request.entity.js";
import { VerificationRequestService } from "./verification-request.service.js";

export const resourceLoaders = defineLoaders(({ db }: LoaderScope) => ({
  resource: byId(db, Resource),
  areas: areasThrough(db, "resource_area", "resource_id"),
  /** The open 「確認を依頼」 of each listing (at most one), or null. */
  openVerificationRequest: new DataLoader<string, VerificationRequest | null>(async (ids) => {
    const open = new Map((await VerificationRequestService.openFor(db, ids)).map((r) => [r.resourceId, r]));
    return ids.map((id) => open.get(id) ?? null);
  }),
  /** Each listing's change history, newest first. */
  changes: manyBy(db, ResourceChange, "resourceId", { changedAt: "DESC", id: "DESC" }),
}));
