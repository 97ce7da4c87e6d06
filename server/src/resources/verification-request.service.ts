import type { DataSource, EntityManager } from "typeorm";
import { In, IsNull } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { badInput, forbidden } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { ResourceStatus } from "./resource.enums.js";
import { Resource } from "./resource.entity.js";
import { ResourceChangeKind } from "./resource-change.entity.js";
import { recordChange } from "./resource-history.js";
import { resourcePolicy } from "./resource.policy.js";
import { VerificationRequest } from "./verification-request.entity.js";
import type {
  RequestVerificationInput,
  RequestVerificationPayload,
  StaleResourceArgs,
} from "./verification-request.inputs.js";

/** The cursor's first part for a listing never verified (they come first). */
const NEVER = "never";

/** Marks a listing's open request answered, in the transaction of the verification that answers it. */
export async function resolveVerificationRequests(
  tx: EntityManager,
  resourceId: string,
  userId: string,
): Promise<void> {
  await tx.query(
    "UPDATE verification_request SET resolved_at = now(), resolved_by_id = $2 WHERE resource_id = $1 AND resolved_at IS NULL",
    [resourceId, userId],
  );
}

/**
 * The stale-listing queue and 「確認を依頼」. A request stays open until the listing is verified (ResourceService#verify
 * resolves it); asking again while one is open changes nothing, so a bulk request can be repeated safely.
 */
export class VerificationRequestService {
  constructor(private readonly db: DataSource) {}

  async request(viewer: Viewer | null, input: RequestVerificationInput): Promise<RequestVerificationPayload> {
    if (!resourcePolicy.requestVerification(viewer)) throw forbidden();
    const ids = [...new Set(input.resourceIds)];
    const message = input.message?.trim() || null;
    return this.db.transaction(async (tx) => {
      const resources = await tx.getRepository(Resource).find({ where: { id: In(ids) } });
      if (resources.length !== ids.length) throw badInput("input.resourceIds", "見つからない資源が含まれています");
      const created: { resource_id: string }[] = await tx.query(
        `INSERT INTO verification_request (resource_id, requested_by_id, message)
         SELECT unnest($1::uuid[]), $2, $3
         ON CONFLICT (resource_id) WHERE resolved_at IS NULL DO NOTHING
         RETURNING resource_id`,
        [ids, viewer!.userId, message],
      );
      for (const { resource_id } of created) {
        await recordChange(tx, {
          resourceId: resource_id,
          actorUserId: viewer!.userId,
          kind: ResourceChangeKind.VERIFICATION_REQUEST,
          changes: [],
        });
      }
      const order = new Map(ids.map((id, i) => [id, i]));
      return {
        requestedCount: created.length,
        alreadyOpenCount: ids.length - created.length,
        resources: resources.sort((a, b) => order.get(a.id)! - order.get(b.id)!),
      };
    });
  }

  /** Active and paused listings, the longest unverified first; keyset pages on (verifiedAt, id), never verified first. */
  async staleQueue(viewer: Viewer | null, args: StaleResourceArgs): Promise<Connection<Resource>> {
    if (!resourcePolicy.requestVerification(viewer)) throw forbidden();
    const qb = this.db
      .getRepository(Resource)
      .createQueryBuilder("r")
      .where("r.status IN (:...statuses)", { statuses: [ResourceStatus.ACTIVE, ResourceStatus.PAUSED] });
    if (args.kinds?.length) qb.andWhere("r.kind IN (:...kinds)", { kinds: args.kinds });
    if (args.organizationId) qb.andWhere("r.organizationId = :org", { org: args.organizationId });
    if (args.areaIds?.length) {
      qb.andWhere(
        "EXISTS (SELECT 1 FROM resource_area ra WHERE ra.resource_id = r.id AND ra.area_id = ANY(:areaIds::uuid[]))",
        { areaIds: args.areaIds },
      );
    }
    const totalCount = await qb.getCount();
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ["text", "uuid"]);
      if (at === NEVER) {
        qb.andWhere("(r.verifiedAt IS NOT NULL OR r.id > :id)", { id });
      } else {
        const instant = new Date(at);
        if (Number.isNaN(instant.getTime())) throw badInput("after", "ページ位置 (cursor) が正しくありません");
        qb.andWhere("r.verifiedAt IS NOT NULL AND (r.verifiedAt, r.id) > (:at, :id)", { at: instant, id });
      }
    }
    const rows = await qb
      .orderBy("r.verifiedAt", "ASC", "NULLS FIRST")
      .addOrderBy("r.id", "ASC")
      .take(args.first + 1)
      .getMany();
    return toConnection(rows, args.first, totalCount, (r) => [r.verifiedAt?.toISOString() ?? NEVER, r.id]);
  }

  /** Open requests by listing, for the loader. */
  static async openFor(db: DataSource, resourceIds: readonly string[]): Promise<VerificationRequest[]> {
    return db
      .getRepository(VerificationRequest)
      .find({ where: { resourceId: In([...resourceIds]), resolvedAt: IsNull() }, order: { requestedAt: "ASC" } });
  }
}
