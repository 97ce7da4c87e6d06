import type { DataSource, EntityManager } from "typeorm";
import { RESOURCE_GAP_STATUS_LABELS } from "@tsunagu/labels";
import { In } from "typeorm";
import { AreaService } from "../areas/area.service.js";
import type { Viewer } from "../core/viewer.js";
import { badInput, conflict, forbidden, notFound } from "../core/errors.js";
import { isUuid } from "../core/validators.js";
import type { PersonService } from "../people/person.service.js";
import { ResourceService } from "../resources/resource.service.js";
import { ResourceGap, ResourceGapStatus } from "./resource-gap.entity.js";
import type { RaiseResourceGapInput, SetResourceGapStatusInput } from "./resource-gap.inputs.js";
import { resourceGapPolicy } from "./resource-gap.policy.js";

const S = ResourceGapStatus;
/** 把握 → 協議中 → 開発中 → 解決 / 見送り; a 見送り can be taken up again. */
export const GAP_TRANSITIONS: Record<ResourceGapStatus, ResourceGapStatus[]> = {
  [S.IDENTIFIED]: [S.DISCUSSING, S.DEFERRED],
  [S.DISCUSSING]: [S.DEVELOPING, S.RESOLVED, S.DEFERRED],
  [S.DEVELOPING]: [S.RESOLVED, S.DEFERRED],
  [S.RESOLVED]: [],
  [S.DEFERRED]: [S.DISCUSSING],
};

export class ResourceGapService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  /** For other features' checks (a 協力依頼 to create a place for this gap), inside their transaction. */
  static exists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.getRepository(ResourceGap).existsBy({ id });
  }

  async raise(viewer: Viewer | null, input: RaiseResourceGapInput): Promise<ResourceGap> {
    if (!resourceGapPolicy.raise(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      if (input.personId) await this.people.getVisible(viewer, input.personId, { tx });
      if (input.areaId && !(await AreaService.allExist(tx, [input.areaId])))
        throw badInput("input.areaId", "地域が見つかりません");
      const repo = tx.getRepository(ResourceGap);
      return repo.save(
        repo.create({
          need: input.need.trim(),
          targetGroups: [...new Set(input.targetGroups)],
          areaId: input.areaId ?? null,
          personId: input.personId ?? null,
          searchText: input.searchText?.trim() || null,
          status: S.IDENTIFIED,
          statusNote: "",
          resolvedResourceId: null,
          raisedById: viewer!.userId,
        }),
      );
    });
  }

  async setStatus(viewer: Viewer | null, input: SetResourceGapStatusInput): Promise<ResourceGap> {
    if (!resourceGapPolicy.setStatus(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const gap = isUuid(input.id)
        ? await tx.getRepository(ResourceGap).findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!gap) throw notFound("資源の不足");
      if (input.expectedVersion != null && input.expectedVersion !== gap.version)
        throw conflict("他の人が先に更新しました。画面を読み込み直してください");
      if (!GAP_TRANSITIONS[gap.status].includes(input.status)) {
        throw badInput(
          "input.status",
          `「${RESOURCE_GAP_STATUS_LABELS[gap.status]}」から「${RESOURCE_GAP_STATUS_LABELS[input.status]}」にはできません`,
        );
      }
      if (input.status === S.RESOLVED) {
        if (!input.resolvedResourceId)
          throw badInput("input.resolvedResourceId", "解決にするには、新しくできた資源を指定してください");
        if (!(await ResourceService.exists(tx, input.resolvedResourceId)))
          throw badInput("input.resolvedResourceId", "資源が見つかりません");
        gap.resolvedResourceId = input.resolvedResourceId;
      } else if (input.resolvedResourceId) {
        throw badInput("input.resolvedResourceId", "資源を指定できるのは解決にするときだけです");
      }
      gap.status = input.status;
      if (input.note != null) gap.statusNote = input.note.trim();
      return tx.getRepository(ResourceGap).save(gap);
    });
  }

  async list(viewer: Viewer | null, statuses: ResourceGapStatus[] | null): Promise<ResourceGap[]> {
    if (!resourceGapPolicy.list(viewer)) throw forbidden();
    return this.db.getRepository(ResourceGap).find({
      where: statuses?.length ? { status: In(statuses) } : {},
      order: { createdAt: "DESC" },
      take: 500,
    });
  }
}
