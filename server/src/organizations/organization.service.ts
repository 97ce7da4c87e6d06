import { isUuid } from "../core/validators.js";
import { In, IsNull, Not, type DataSource, type EntityManager } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { forbidden, notFound } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { escapeLike } from "../core/sql.js";
import { readingOrSuggestion } from "../readings/reading.service.js";
import { Organization } from "./organization.entity.js";
import { enqueueResourcesOfOrganization } from "../search/search-outbox.js";
import type { CreateOrganizationInput, UpdateOrganizationInput } from "./organization.inputs.js";
import { organizationPolicy } from "./organization.policy.js";
import { CityRelationship, OrgType } from "./organization.enums.js";

export interface OrganizationFilter {
  orgTypes?: OrgType[] | null;
  text?: string | null;
  /** 廃止した団体も含める (default: only current ones). */
  includeArchived?: boolean | null;
}

export class OrganizationService {
  constructor(private readonly db: DataSource) {}

  /** For other features' checks, inside their transaction. */
  static exists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.getRepository(Organization).existsBy({ id });
  }

  /**
   * For the catalog import: the organizations with these names (as written, trimmed), oldest first, 廃止 ones
   * included (the import decides what to do with them). One query for all the names.
   */
  static async byNames(tx: EntityManager, names: string[]): Promise<{ id: string; name: string; archived: boolean }[]> {
    const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
    if (!wanted.length) return [];
    const rows: { id: string; name: string; archived: boolean }[] = await tx.query(
      `SELECT id, name, archived_at IS NOT NULL AS archived FROM organization WHERE name = ANY($1)
       ORDER BY created_at, id`,
      [wanted],
    );
    return rows;
  }

  /**
   * For the catalog import, inside its transaction: new organizations with these names, with a type guessed from
   * the name (社会福祉法人…, NPO…, 株式会社…). Name → id. `readings`: the names' readings when the caller suggested
   * them beforehand (else suggested here).
   */
  static async createNamed(
    tx: EntityManager,
    names: string[],
    readings?: ReadonlyMap<string, string>,
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(names)];
    if (!wanted.length) return new Map();
    const kana: string[] = [];
    for (const name of wanted) kana.push(readings?.get(name) ?? (await readingOrSuggestion(name, null)));
    const types = wanted.map(guessOrgType);
    // One INSERT for them all (a city's list can name hundreds of hosts in its first batch).
    const rows: { id: string; name: string }[] = await tx.query(
      `INSERT INTO organization (name, name_kana, org_type, city_relationship)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       RETURNING id, name`,
      [
        wanted,
        kana,
        types,
        types.map((t) => (t === OrgType.MUNICIPAL_DIVISION ? CityRelationship.DIRECT : CityRelationship.INDEPENDENT)),
      ],
    );
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  /** Whether the organization is 廃止 (a new listing is not given to it). */
  static isArchived(tx: EntityManager, id: string): Promise<boolean> {
    return tx.getRepository(Organization).existsBy({ id, archivedAt: Not(IsNull()) });
  }

  /** 廃止 / 廃止の取り消し. */
  async setArchived(viewer: Viewer | null, id: string, archived: boolean): Promise<Organization> {
    if (!organizationPolicy.archive(viewer)) throw forbidden();
    const org = await this.get(id);
    if (!org) throw notFound("団体");
    org.archivedAt = archived ? (org.archivedAt ?? new Date()) : null;
    return this.db.getRepository(Organization).save(org);
  }

  async create(viewer: Viewer | null, input: CreateOrganizationInput): Promise<Organization> {
    if (!organizationPolicy.create(viewer)) throw forbidden();
    const repo = this.db.getRepository(Organization);
    return repo.save(
      repo.create({
        name: input.name.trim(),
        nameKana: await readingOrSuggestion(input.name, input.nameKana),
        orgType: input.orgType,
        cityRelationship: input.cityRelationship,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        contactEmail: input.contactEmail ?? null,
        publicPhone: input.publicPhone ?? null,
        publicEmail: input.publicEmail ?? null,
        publicContactNote: input.publicContactNote ?? null,
        address: input.address ?? null,
      }),
    );
  }

  async update(viewer: Viewer | null, input: UpdateOrganizationInput): Promise<Organization> {
    const repo = this.db.getRepository(Organization);
    const org = await repo.findOne({ where: { id: input.id } });
    if (!org) throw notFound("団体");
    if (!organizationPolicy.update(viewer, org)) throw forbidden();
    const { id: _id, name, nameKana, ...rest } = input;
    if (name !== undefined) org.name = name.trim();
    if (nameKana !== undefined || name !== undefined) {
      // A blank reading with a changed name means "suggest again"; an untouched reading stays as it was.
      org.nameKana = nameKana === undefined ? org.nameKana : await readingOrSuggestion(org.name, nameKana);
    }
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) (org as unknown as Record<string, unknown>)[key] = value;
    }
    return this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(Organization).save(org);
      // Listings show their host's name in search; re-index them when it changes.
      if (name !== undefined) await enqueueResourcesOfOrganization(tx, org.id);
      return saved;
    });
  }

  async get(id: string): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    return this.db.getRepository(Organization).findOne({ where: { id } });
  }

  /** For exports (HSDS): organizations by id. Organizations are public. */
  static byIds(tx: EntityManager, ids: string[]): Promise<Organization[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.getRepository(Organization).findBy({ id: In(ids) });
  }

  /** For exports (HSDS): one numbered page, よみがな順, with the total. */
  static async page(
    tx: EntityManager,
    text: string | null,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: Organization[] }> {
    const qb = tx.getRepository(Organization).createQueryBuilder("o");
    if (text?.trim()) {
      qb.where("(o.name ILIKE :t OR o.nameKana ILIKE :t)", { t: `%${escapeLike(text.trim())}%` });
    }
    const [rows, total] = await qb
      .orderBy("o.nameKana", "ASC")
      .addOrderBy("o.id", "ASC")
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { total, rows };
  }

  /** あいうえお順 (by reading), keyset-paginated. */
  async list(filter: OrganizationFilter, first: number, after?: string | null): Promise<Connection<Organization>> {
    const qb = this.db.getRepository(Organization).createQueryBuilder("o");
    if (filter.orgTypes?.length) qb.andWhere("o.orgType IN (:...types)", { types: filter.orgTypes });
    if (!filter.includeArchived) qb.andWhere("o.archivedAt IS NULL");
    if (filter.text?.trim()) {
      qb.andWhere("(o.name ILIKE :t OR o.nameKana ILIKE :t)", { t: `%${escapeLike(filter.text.trim())}%` });
    }
    const totalCount = await qb.getCount();
    if (after) {
      const [kana, id] = decodeCursor(after, ["text", "uuid"]);
      qb.andWhere("(o.nameKana, o.id) > (:kana, :id)", { kana, id });
    }
    const rows = await qb
      .orderBy("o.nameKana", "ASC")
      .addOrderBy("o.id", "ASC")
      .take(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (o) => [o.nameKana, o.id]);
  }
}

/** The organization's type from its name, for organizations first met in a city's file; editable afterwards. */
function guessOrgType(name: string): OrgType {
  if (/社会福祉協議会|社協/.test(name)) return OrgType.SHAKYO_CITY;
  if (/社会福祉法人/.test(name)) return OrgType.SOCIAL_WELFARE_CORP;
  if (/特定非営利|NPO|ＮＰＯ/i.test(name)) return OrgType.NPO;
  if (/株式会社|有限会社|合同会社|\(株\)|（株）/.test(name)) return OrgType.COMPANY;
  if (/保育園|保育所|こども園|幼稚園/.test(name)) return OrgType.NURSERY;
  if (/大学|学校/.test(name)) return OrgType.UNIVERSITY;
  if (/医療法人|病院|クリニック/.test(name)) return OrgType.MEDICAL_PROF;
  if (/[都道府県市区町村]$|[市区町村]役所|役場/.test(name)) return OrgType.MUNICIPAL_DIVISION;
  return OrgType.RESIDENT_GROUP;
}
