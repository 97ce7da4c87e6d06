import { isUuid } from "../core/validators.js";
import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { badInput, conflict, forbidden, notFound } from "../core/errors.js";
import { readingOrSuggestion } from "../readings/reading.service.js";
import { Area } from "./area.entity.js";
import type { AreaType } from "./area.enums.js";
import type { CreateAreaInput, UpdateAreaInput } from "./area.inputs.js";
import { areaPolicy } from "./area.policy.js";

/** Area administration is ADMIN-only (area.policy.ts); the service keeps the data consistent. */
export class AreaService {
  constructor(private readonly db: DataSource) {}

  /** Whether every one of these areas exists: for other features' checks, inside their transaction. */
  static async allExist(tx: EntityManager, ids: string[]): Promise<boolean> {
    const unique = [...new Set(ids)];
    return (await tx.getRepository(Area).countBy({ id: In(unique) })) === unique.length;
  }

  list(types?: AreaType[] | null, includeArchived = false): Promise<Area[]> {
    return this.db.getRepository(Area).find({
      where: { ...(types?.length ? { type: In(types) } : {}), ...(includeArchived ? {} : { archivedAt: IsNull() }) },
      order: { type: "ASC", code: "ASC", nameKana: "ASC" },
    });
  }

  async get(id: string): Promise<Area | null> {
    if (!isUuid(id)) return null;
    return this.db.getRepository(Area).findOne({ where: { id } });
  }

  async create(viewer: Viewer | null, input: CreateAreaInput): Promise<Area> {
    if (!areaPolicy.create(viewer)) throw forbidden();
    const nameKana = await readingOrSuggestion(input.name, input.nameKana);
    return this.db.transaction(async (tx) => {
      await this.assertNameFree(tx, input.type, input.name.trim());
      const area = await tx.getRepository(Area).save(
        tx.getRepository(Area).create({
          type: input.type,
          name: input.name.trim(),
          nameKana,
          code: input.code ?? null,
          centerLat: input.centerLat ?? null,
          centerLng: input.centerLng ?? null,
        }),
      );
      checkCenter(area);
      await this.setParents(tx, area.id, input.parentIds ?? []);
      return area;
    });
  }

  async update(viewer: Viewer | null, input: UpdateAreaInput): Promise<Area> {
    if (!areaPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const area = await tx.getRepository(Area).findOne({ where: { id: input.id } });
      if (!area) throw notFound("地域");
      if (input.name !== undefined && input.name.trim() !== area.name) {
        await this.assertNameFree(tx, area.type, input.name.trim());
        area.name = input.name.trim();
      }
      if (input.nameKana !== undefined) area.nameKana = await readingOrSuggestion(area.name, input.nameKana);
      if (input.code !== undefined) area.code = input.code;
      if (input.centerLat !== undefined) area.centerLat = input.centerLat;
      if (input.centerLng !== undefined) area.centerLng = input.centerLng;
      checkCenter(area);
      const saved = await tx.getRepository(Area).save(area);
      if (input.parentIds !== undefined) await this.setParents(tx, area.id, input.parentIds);
      return saved;
    });
  }

  /** An area still used by a listing or as a parent is not deleted: the caller must move those first. */
  async delete(viewer: Viewer | null, id: string): Promise<boolean> {
    if (!areaPolicy.delete(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const area = isUuid(id) ? await tx.getRepository(Area).findOne({ where: { id } }) : null;
      if (!area) throw notFound("地域");
      const [{ used }] = await tx.query(
        `SELECT (SELECT count(*) FROM resource_area WHERE area_id = $1) + (SELECT count(*) FROM area_parent WHERE parent_id = $1) AS used`,
        [id],
      );
      if (Number(used) > 0) {
        throw conflict("この地域は資源または下位の地域で使われているため削除できません。「廃止」にしてください");
      }
      await tx.getRepository(Area).delete({ id });
      return true;
    });
  }

  /** 廃止 / 廃止の取り消し: the area stays on what refers to it, and leaves (or returns to) the lists of choices. */
  async setArchived(viewer: Viewer | null, id: string, archived: boolean): Promise<Area> {
    if (!areaPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const area = isUuid(id) ? await tx.getRepository(Area).findOne({ where: { id } }) : null;
      if (!area) throw notFound("地域");
      area.archivedAt = archived ? (area.archivedAt ?? new Date()) : null;
      return tx.getRepository(Area).save(area);
    });
  }

  private async assertNameFree(tx: EntityManager, type: AreaType, name: string) {
    if (await tx.getRepository(Area).existsBy({ type, name })) {
      throw badInput("input.name", "同じ種別に同じ名前の地域があります");
    }
  }

  private async setParents(tx: EntityManager, areaId: string, parentIds: string[]) {
    const ids = [...new Set(parentIds)];
    if (ids.includes(areaId)) throw badInput("input.parentIds", "自分自身を上位の地域にはできません");
    if (ids.length && (await tx.getRepository(Area).countBy({ id: In(ids) })) !== ids.length) {
      throw badInput("input.parentIds", "存在しない地域が含まれています");
    }
    await tx.query("DELETE FROM area_parent WHERE area_id = $1", [areaId]);
    if (ids.length)
      await tx.query("INSERT INTO area_parent (area_id, parent_id) SELECT $1, unnest($2::uuid[])", [areaId, ids]);
  }
}

/** A centre is a point: both coordinates or neither (checked on the merged record, so an update cannot split it). */
function checkCenter(area: { centerLat: number | null; centerLng: number | null }): void {
  if ((area.centerLat == null) !== (area.centerLng == null)) {
    throw badInput("input.centerLat", "中心点の緯度と経度は両方入力してください");
  }
}
