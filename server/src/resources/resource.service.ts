import { randomUUID } from "node:crypto";
import { isUuid } from "../core/validators.js";
import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import { AreaService } from "../areas/area.service.js";
import type { Viewer } from "../core/viewer.js";
import { DomainError, badInput, conflict, forbidden, notFound, type FieldError } from "../core/errors.js";
import { decodeCursor, fingerprintOf, toConnection, type Connection } from "../core/pagination.js";
import { OrganizationService } from "../organizations/organization.service.js";
import { NamedParams, jsonRows } from "../core/sql.js";
import { normalizeReading } from "../readings/reading.js";
import { readingOrSuggestion } from "../readings/reading.service.js";
import type { ResourceStatus as Status } from "./resource.enums.js";
import { EMPTY_SCHEDULE, toScheduleValue } from "../schedules/schedule.value.js";
import { ResourceStatus } from "./resource.enums.js";
import { Resource } from "./resource.entity.js";
import type { ResourceListArgs } from "./resource.filter.js";
import type { CreateResourceInput, SetResourceStatusInput, UpdateResourceInput } from "./resource.inputs.js";
import { resourcePolicy } from "./resource.policy.js";
import { deriveScheduleColumns, type DerivedScheduleColumns } from "./resource.derived.js";
import { ResourceChangeKind } from "./resource-change.entity.js";
import {
  areaIdsOf,
  diffSnapshots,
  recordChange,
  recordChanges,
  snapshotOf,
  type ChangeEntry,
} from "./resource-history.js";
import { resolveVerificationRequests } from "./verification-request.service.js";
import { buildConditions, normalizeQuery, textConditions } from "../search/search.conditions.js";
import { SearchResourcesInput } from "../search/search.inputs.js";
// A genuine two-way dependency: search indexes listings (it reads them through this service), and every change to a
// listing writes the search outbox in the same transaction (search-outbox.ts) so that the index cannot miss it.
import { enqueueResourceDocuments, enqueueResources } from "../search/search-outbox.js";
import {
  toResourceDocument,
  type DocumentHost,
  type DocumentSource,
  type ResourceDocument,
} from "../search/resource-document.js";
import { textReader } from "../search/text/readings.js";

const DEFAULT_STATUSES = [ResourceStatus.ACTIVE, ResourceStatus.PAUSED];
const unique = <T>(xs: T[] | undefined | null): T[] | undefined => (xs ? [...new Set(xs)] : undefined);

/** Fields copied as they are from an input to the entity when present. */
const PLAIN_FIELDS = [
  "description",
  "venueName",
  "address",
  "lat",
  "lng",
  "citywide",
  "homeBased",
  "visiting",
  "capacity",
  "openings",
  "costPerSessionYen",
  "nearestStop",
  "visitAllowed",
  "trialAllowed",
  "contactName",
  "contactPhone",
  "contactPhone2",
  "contactEmail",
] as const;
const SET_FIELDS = ["targetGroups", "rolesOffered", "activities", "accessibility", "transportOptions"] as const;

/**
 * Whether records of another feature refer to this listing, so that it must be ended rather than deleted. Matching
 * answers it (services.ts wires it): resources do not read the match table.
 */
export type ListingInUse = (tx: EntityManager, resourceId: string) => Promise<boolean>;

/** The fields the catalog import (catalog-import/) writes, by their name on the listing. */
export type ImportableFields = Partial<
  Pick<
    Resource,
    | "name"
    | "nameKana"
    | "kind"
    | "status"
    | "description"
    | "targetGroups"
    | "eligibility"
    | "rolesOffered"
    | "activities"
    | "venueName"
    | "address"
    | "lat"
    | "lng"
    | "citywide"
    | "homeBased"
    | "visiting"
    | "schedule"
    | "capacity"
    | "openings"
    | "costPerSessionYen"
    | "accessibility"
    | "nearestStop"
    | "transportOptions"
    | "visitAllowed"
    | "trialAllowed"
    | "contactName"
    | "contactPhone"
    | "contactPhone2"
    | "contactEmail"
  >
>;

/** A listing the catalog import writes: its host, its values, and the dataset and file they came from. */
export interface ImportedRow<F> {
  organizationId: string;
  fields: F;
  importedFrom?: string;
}

/** What a new imported listing holds where the file says nothing (the columns' defaults), for its history entry. */
const NEW_LISTING = {
  status: ResourceStatus.ACTIVE,
  description: "",
  targetGroups: [],
  eligibility: {
    ageMin: null,
    ageMax: null,
    certificateRequired: false,
    residenceRequired: false,
    requiresSupportPlan: false,
    referredCasesOnly: false,
  },
  rolesOffered: [],
  activities: [],
  venueName: null,
  address: null,
  lat: null,
  lng: null,
  citywide: false,
  homeBased: false,
  visiting: false,
  capacity: null,
  openings: null,
  costPerSessionYen: 0,
  accessibility: [],
  nearestStop: null,
  transportOptions: [],
  visitAllowed: false,
  trialAllowed: false,
  contactName: null,
  contactPhone: null,
  contactPhone2: null,
  contactEmail: null,
  verifiedAt: null,
} satisfies Partial<Resource>;

export class ResourceService {
  constructor(
    private readonly db: DataSource,
    private readonly inUse: ListingInUse = async () => false,
  ) {}

  /* For other features (search hits, suggestions, matches, referrals), inside their transaction. Listings are public. */

  static byIds(tx: EntityManager, ids: string[], options: { withHost?: boolean } = {}): Promise<Resource[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx
      .getRepository(Resource)
      .find({ where: { id: In(ids) }, ...(options.withHost ? { relations: { organization: true } } : {}) });
  }

  static exists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.getRepository(Resource).existsBy({ id });
  }

  /**
   * Recomputes the schedule-derived columns (the next session moves as days pass) and queues the listings whose
   * values changed for the search index. Returns how many changed.
   */
  static async refreshScheduleColumns(db: DataSource, now: Date): Promise<number> {
    let changed = 0;
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch = await db
        .getRepository(Resource)
        .createQueryBuilder("r")
        .select(["r.id", "r.schedule", "r.weekdays", "r.timeBands", "r.startMinutes", "r.nextSessionAt"])
        .where("r.id > :after", { after })
        .orderBy("r.id")
        .take(2_000)
        .getMany();
      if (!batch.length) break;
      after = batch.at(-1)!.id;
      const stale = batch.filter((r) => {
        const d = deriveScheduleColumns(r.schedule, now);
        const same =
          d.nextSessionAt?.getTime() === r.nextSessionAt?.getTime() &&
          d.weekdays.join() === r.weekdays.join() &&
          d.timeBands.join() === r.timeBands.join() &&
          d.startMinutes.join() === r.startMinutes.join();
        if (!same) Object.assign(r, d);
        return !same;
      });
      if (stale.length) {
        await db.transaction(async (tx) => {
          for (const r of stale) {
            await tx.query(
              "UPDATE resource SET weekdays = $2, time_bands = $3, start_minutes = $4, next_session_at = $5 WHERE id = $1",
              [r.id, r.weekdays, r.timeBands, r.startMinutes, r.nextSessionAt],
            );
          }
          await enqueueResources(
            tx,
            stale.map((r) => r.id),
          );
        });
        changed += stale.length;
      }
    }
    return changed;
  }

  /**
   * For the catalog import, inside its transaction: many new listings at once, queued for search. The caller has
   * checked who may import; a missing reading is suggested from the name. Returns the new ids in the rows' order.
   * One statement per call (the rows travel as one JSON parameter): 100,000 listings are a city's whole catalog.
   */
  static async insertImported(
    tx: EntityManager,
    rows: ImportedRow<ImportableFields & Pick<Resource, "name" | "kind">>[],
    actorUserId: string | null = null,
  ): Promise<string[]> {
    if (!rows.length) return [];
    const records = [];
    const history: ChangeEntry[] = [];
    // Each new listing's search document, made here from the values written (search text without reading it back).
    const docs: ResourceDocument[] = [];
    const hosts = await hostsOf(tx, [...new Set(rows.map((r) => r.organizationId))]);
    const reader = await textReader();
    // A city's list repeats a few schedules (月〜金 9:30–16:00) over thousands of rows: each is worked out once.
    const now = new Date();
    const stamp = now.toISOString();
    const derived = new Map<string, DerivedScheduleColumns>();
    for (const { organizationId, fields: f, importedFrom } of rows) {
      const id = randomUUID();
      const name = f.name.trim();
      const nameKana = await readingOrSuggestion(name, f.nameKana);
      const readingKey = normalizeReading(nameKana);
      const schedule = f.schedule ? toScheduleValue(f.schedule) : EMPTY_SCHEDULE;
      const scheduleKey = JSON.stringify(schedule);
      let d = derived.get(scheduleKey);
      if (!d) derived.set(scheduleKey, (d = deriveScheduleColumns(schedule, now)));
      const status = f.status ?? ResourceStatus.ACTIVE;
      const description = f.description ?? "";
      const targetGroups = unique(f.targetGroups) ?? [];
      const rolesOffered = unique(f.rolesOffered) ?? [];
      const activities = unique(f.activities) ?? [];
      const accessibility = unique(f.accessibility) ?? [];
      const transportOptions = unique(f.transportOptions) ?? [];
      const ageMin = f.eligibility?.ageMin ?? null;
      const ageMax = f.eligibility?.ageMax ?? null;
      records.push({
        id,
        name,
        name_kana: nameKana,
        reading_key: readingKey,
        kind: f.kind,
        status,
        description,
        organization_id: organizationId,
        target_groups: targetGroups,
        eligibility_age_min: ageMin,
        eligibility_age_max: ageMax,
        eligibility_certificate_required: f.eligibility?.certificateRequired ?? false,
        eligibility_residence_required: f.eligibility?.residenceRequired ?? false,
        eligibility_requires_support_plan: f.eligibility?.requiresSupportPlan ?? false,
        eligibility_referred_cases_only: f.eligibility?.referredCasesOnly ?? false,
        roles_offered: rolesOffered,
        activities,
        venue_name: f.venueName ?? null,
        address: f.address ?? null,
        lat: f.lat ?? null,
        lng: f.lng ?? null,
        citywide: f.citywide ?? false,
        home_based: f.homeBased ?? false,
        visiting: f.visiting ?? false,
        schedule,
        capacity: f.capacity ?? null,
        openings: f.openings ?? null,
        cost_per_session_yen: f.costPerSessionYen ?? 0,
        accessibility,
        nearest_stop: f.nearestStop ?? null,
        transport_options: transportOptions,
        visit_allowed: f.visitAllowed ?? false,
        trial_allowed: f.trialAllowed ?? false,
        contact_name: f.contactName ?? null,
        contact_phone: f.contactPhone ?? null,
        contact_phone2: f.contactPhone2 ?? null,
        contact_email: f.contactEmail ?? null,
        weekdays: d.weekdays,
        time_bands: d.timeBands,
        start_minutes: d.startMinutes,
        next_session_at: d.nextSessionAt?.toISOString() ?? null,
        // The document's updatedAt (handed to the relay as it is: document-handover.ts) is this very time.
        created_at: stamp,
        updated_at: stamp,
      });
      const source: DocumentSource = {
        id,
        name,
        nameKana,
        readingKey,
        description,
        activities,
        venueName: f.venueName ?? null,
        address: f.address ?? null,
        kind: f.kind,
        targetGroups,
        organizationId,
        status,
        weekdays: d.weekdays,
        timeBands: d.timeBands,
        startMinutes: d.startMinutes,
        costPerSessionYen: f.costPerSessionYen ?? 0,
        accessibility,
        transportOptions,
        visitAllowed: f.visitAllowed ?? false,
        trialAllowed: f.trialAllowed ?? false,
        rolesOffered,
        citywide: f.citywide ?? false,
        homeBased: f.homeBased ?? false,
        verifiedAt: null,
        updatedAt: now,
        nextSessionAt: d.nextSessionAt,
        lat: f.lat ?? null,
        lng: f.lng ?? null,
        eligibility: { ageMin, ageMax },
      };
      // A new listing has no areas (the import does not set them).
      docs.push(toResourceDocument(source, hosts.get(organizationId)!, [], reader));
      // Object.assign, not a spread: on Node 20 `{ ...a, ...b, c }` makes a hidden class per object (100,000 here).
      const created = Object.assign({}, NEW_LISTING, f, { name, nameKana, schedule, organizationId });
      history.push({
        resourceId: id,
        actorUserId,
        kind: ResourceChangeKind.CREATE,
        changes: diffSnapshots(null, snapshotOf(created, [])),
        importedFrom,
      });
    }
    // Ids made here, so that they come back in the rows' order without relying on RETURNING's. The rows as `json`,
    // read once as they are turned into records: `jsonb` would first build the whole batch's binary form (a batch of
    // 2,000 took ~20% longer that way).
    await tx.query(
      `INSERT INTO resource (id, name, name_kana, reading_key, kind, status, description, organization_id,
         target_groups, eligibility_age_min, eligibility_age_max, eligibility_certificate_required,
         eligibility_residence_required, eligibility_requires_support_plan, eligibility_referred_cases_only,
         roles_offered, activities, venue_name, address, lat, lng, citywide, home_based, visiting, schedule, capacity,
         openings, cost_per_session_yen, accessibility, nearest_stop, transport_options, visit_allowed, trial_allowed,
         contact_name, contact_phone, contact_phone2, contact_email, weekdays, time_bands, start_minutes,
         next_session_at, created_at, updated_at)
       SELECT * FROM json_to_recordset($1::json) AS x(
         id uuid, name text, name_kana text, reading_key text, kind text, status text, description text,
         organization_id uuid, target_groups text[], eligibility_age_min int, eligibility_age_max int,
         eligibility_certificate_required boolean, eligibility_residence_required boolean,
         eligibility_requires_support_plan boolean, eligibility_referred_cases_only boolean, roles_offered text[],
         activities text[], venue_name text, address text, lat double precision, lng double precision,
         citywide boolean, home_based boolean, visiting boolean, schedule jsonb, capacity int, openings int,
         cost_per_session_yen int, accessibility text[], nearest_stop text, transport_options text[],
         visit_allowed boolean, trial_allowed boolean, contact_name text, contact_phone text, contact_phone2 text,
         contact_email text, weekdays text[], time_bands text[], start_minutes int[], next_session_at timestamptz,
         created_at timestamptz, updated_at timestamptz)`,
      [jsonRows(records)],
    );
    const ids = records.map((r) => r.id);
    await recordChanges(tx, history);
    await enqueueResourceDocuments(tx, docs);
    return ids;
  }

  /**
   * For the catalog import, inside its transaction: new values for listings it imported before, each change in the
   * listing's history as the importing user's.
   */
  static async updateImported(
    tx: EntityManager,
    rows: { id: string; fields: ImportableFields; importedFrom?: string }[],
    actorUserId: string | null = null,
  ): Promise<void> {
    if (!rows.length) return;
    const byId = new Map(
      (
        await ResourceService.byIds(
          tx,
          rows.map((r) => r.id),
        )
      ).map((r) => [r.id, r]),
    );
    const changed: Resource[] = [];
    const history: ChangeEntry[] = [];
    for (const { id, fields, importedFrom } of rows) {
      const resource = byId.get(id);
      if (!resource) continue;
      const before = snapshotOf(resource, []);
      const { schedule, ...plain } = fields;
      Object.assign(resource, plain);
      if (fields.name !== undefined) resource.name = fields.name.trim();
      if (fields.name !== undefined || fields.nameKana !== undefined) {
        resource.nameKana = await readingOrSuggestion(resource.name, fields.nameKana ?? resource.nameKana);
        resource.readingKey = normalizeReading(resource.nameKana);
      }
      if (schedule) resource.schedule = toScheduleValue(schedule);
      Object.assign(resource, deriveScheduleColumns(resource.schedule));
      changed.push(resource);
      // The areas are not imported: both snapshots leave them out.
      const changes = diffSnapshots(before, snapshotOf(resource, []));
      history.push({ resourceId: id, actorUserId, kind: ResourceChangeKind.UPDATE, changes, importedFrom });
    }
    await tx.getRepository(Resource).save(changed);
    await recordChanges(tx, history);
    await enqueueResources(
      tx,
      changed.map((r) => r.id),
    );
  }

  /** For the catalog import: listings that left the city's file, set to a status the user chose (終了). */
  static async setStatusOf(tx: EntityManager, ids: string[], status: Status): Promise<void> {
    if (!ids.length) return;
    await tx
      .getRepository(Resource)
      .createQueryBuilder()
      .update()
      .set({ status }) // the query builder also bumps version and updatedAt
      .whereInIds(ids)
      .execute();
    await enqueueResources(tx, ids);
  }

  async create(viewer: Viewer | null, input: CreateResourceInput): Promise<Resource> {
    if (!resourcePolicy.create(viewer, input.organizationId)) throw forbidden();
    const nameKana = await readingOrSuggestion(input.name, input.nameKana);
    return this.db.transaction(async (tx) => {
      if (!(await OrganizationService.exists(tx, input.organizationId))) {
        throw badInput("input.organizationId", "団体が見つかりません");
      }
      if (await OrganizationService.isArchived(tx, input.organizationId)) {
        throw badInput("input.organizationId", "この団体は廃止されています");
      }
      const resource = tx.getRepository(Resource).create({
        name: input.name.trim(),
        nameKana,
        readingKey: normalizeReading(nameKana),
        kind: input.kind,
        organizationId: input.organizationId,
        status: input.status,
        description: "",
        eligibility: {
          ageMin: null,
          ageMax: null,
          certificateRequired: false,
          residenceRequired: false,
          requiresSupportPlan: false,
          referredCasesOnly: false,
        },
        schedule: EMPTY_SCHEDULE,
      });
      this.apply(resource, input);
      this.checkInvariants(resource);
      const saved = await tx.getRepository(Resource).save(resource);
      const areaIds = await this.replaceAreas(tx, saved.id, input.areaIds ?? []);
      await recordChange(tx, {
        resourceId: saved.id,
        actorUserId: viewer?.userId ?? null,
        kind: ResourceChangeKind.CREATE,
        changes: diffSnapshots(null, snapshotOf(saved, areaIds)),
      });
      await enqueueResources(tx, [saved.id]);
      return saved;
    });
  }

  async update(viewer: Viewer | null, input: UpdateResourceInput): Promise<Resource> {
    return this.db.transaction(async (tx) => {
      // Row lock: two editors of one listing are serialized; `expectedVersion` turns a lost update into CONFLICT.
      const resource = await tx
        .getRepository(Resource)
        .findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } });
      if (!resource) throw notFound("資源");
      if (!resourcePolicy.update(viewer, resource)) throw forbidden();
      if (input.expectedVersion != null && input.expectedVersion !== resource.version) {
        throw conflict("この資源は他の人が先に更新しました。画面を読み込み直してください");
      }
      const areasBefore = await areaIdsOf(tx, resource.id);
      const before = snapshotOf(resource, areasBefore);
      if (input.name !== undefined) resource.name = input.name.trim();
      if (input.kind !== undefined) resource.kind = input.kind;
      if (input.nameKana !== undefined || input.name !== undefined) {
        resource.nameKana =
          input.nameKana === undefined ? resource.nameKana : await readingOrSuggestion(resource.name, input.nameKana);
        resource.readingKey = normalizeReading(resource.nameKana);
      }
      this.apply(resource, input);
      this.checkInvariants(resource);
      const saved = await tx.getRepository(Resource).save(resource);
      const areasAfter =
        input.areaIds !== undefined ? await this.replaceAreas(tx, saved.id, input.areaIds) : areasBefore;
      await recordChange(tx, {
        resourceId: saved.id,
        actorUserId: viewer?.userId ?? null,
        kind: ResourceChangeKind.UPDATE,
        changes: diffSnapshots(before, snapshotOf(saved, areasAfter)),
      });
      await enqueueResources(tx, [saved.id]);
      return saved;
    });
  }

  async setStatus(viewer: Viewer | null, input: SetResourceStatusInput): Promise<Resource> {
    return this.mutate(viewer, input.id, resourcePolicy.setStatus, ResourceChangeKind.STATUS, (r) => {
      r.status = input.status;
    });
  }

  async verify(viewer: Viewer | null, id: string): Promise<Resource> {
    return this.mutate(viewer, id, resourcePolicy.verify, ResourceChangeKind.VERIFY, async (r, tx) => {
      r.verifiedAt = new Date();
      r.verifiedById = viewer!.userId;
      // The answer to any 「確認を依頼」 still open on this listing.
      await resolveVerificationRequests(tx, r.id, viewer!.userId);
    });
  }

  /** Removes a listing for good (a listing that merely stopped is set to 終了 instead). */
  async delete(viewer: Viewer | null, id: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      const resource = await tx.getRepository(Resource).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
      if (!resource) throw notFound("資源");
      if (!resourcePolicy.delete(viewer, resource)) throw forbidden();
      // Matches keep their listing (their history and the outcome figures refer to it): such a listing is ended instead.
      if (await this.inUse(tx, id)) {
        throw conflict(
          "この資源にはマッチングの記録があるため削除できません。活動をやめた資源は「終了」にしてください",
        );
      }
      await tx.getRepository(Resource).delete({ id });
      await enqueueResources(tx, [id]);
      return id;
    });
  }

  async get(id: string): Promise<Resource | null> {
    if (!isUuid(id)) return null;
    return this.db.getRepository(Resource).findOne({ where: { id } });
  }

  /**
   * The directory, あいうえお順; keyset pagination on (readingKey, id), so a page never shifts when rows are added.
   * Its filters and text are compiled by search's `buildConditions` and `textConditions`, on `normalizeQuery`'s text,
   * so the directory and the search's PostgreSQL path answer one word alike. A cursor is bound to its filters.
   */
  async list(args: ResourceListArgs): Promise<Connection<Resource>> {
    const query = normalizeQuery(args.text);
    const filters = Object.assign(new SearchResourcesInput(), {
      statuses: args.statuses?.length ? args.statuses : DEFAULT_STATUSES,
      kinds: args.kinds,
      targetGroups: args.targetGroups,
      areaIds: args.areaIds,
      includeCitywide: false,
    });
    const params = new NamedParams();
    const qb = this.db.getRepository(Resource).createQueryBuilder("r");
    for (const c of buildConditions(filters)) qb.andWhere(c.sql(params));
    for (const text of textConditions(query)) qb.andWhere(text(params));
    if (args.organizationId) qb.andWhere(`r.organizationId = ${params.add(args.organizationId)}`);
    if (args.citywide != null) qb.andWhere(`r.citywide = ${params.add(args.citywide)}`);
    qb.setParameters(params.values);
    const totalCount = await qb.getCount();
    const fingerprint = fingerprintOf({
      ...filters,
      text: query,
      organizationId: args.organizationId,
      citywide: args.citywide,
    });
    if (args.after) {
      const [key, id, boundTo] = decodeCursor(args.after, ["text", "uuid", "text"]);
      if (boundTo !== fingerprint)
        throw badInput("after", "このページ位置 (cursor) は別の検索のものです。検索を最初からやり直してください");
      qb.andWhere("(r.readingKey, r.id) > (:key, :id)", { key, id });
    }
    const rows = await qb
      .orderBy("r.readingKey", "ASC")
      .addOrderBy("r.id", "ASC")
      .take(args.first + 1)
      .getMany();
    return toConnection(rows, args.first, totalCount, (r) => [r.readingKey, r.id, fingerprint]);
  }

  private async mutate(
    viewer: Viewer | null,
    id: string,
    allowed: (v: Viewer | null, r: Resource) => boolean,
    kind: ResourceChangeKind,
    change: (r: Resource, tx: EntityManager) => void | Promise<void>,
  ) {
    return this.db.transaction(async (tx) => {
      const resource = await tx.getRepository(Resource).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
      if (!resource) throw notFound("資源");
      if (!allowed(viewer, resource)) throw forbidden();
      // The areas do not change here: the history compares the other fields.
      const before = snapshotOf(resource, []);
      await change(resource, tx);
      const saved = await tx.getRepository(Resource).save(resource);
      await recordChange(tx, {
        resourceId: saved.id,
        actorUserId: viewer?.userId ?? null,
        kind,
        changes: diffSnapshots(before, snapshotOf(saved, [])),
      });
      await enqueueResources(tx, [saved.id]);
      return saved;
    });
  }

  private apply(resource: Resource, input: CreateResourceInput | UpdateResourceInput): void {
    const target = resource as unknown as Record<string, unknown>;
    for (const key of PLAIN_FIELDS) if (input[key] !== undefined) target[key] = input[key];
    for (const key of SET_FIELDS) if (input[key] !== undefined) target[key] = unique(input[key] as string[]);
    if (input.eligibility !== undefined) {
      const e = input.eligibility;
      resource.eligibility = {
        ageMin: e.ageMin ?? null,
        ageMax: e.ageMax ?? null,
        certificateRequired: e.certificateRequired,
        residenceRequired: e.residenceRequired,
        requiresSupportPlan: e.requiresSupportPlan,
        referredCasesOnly: e.referredCasesOnly,
      };
    }
    if (input.schedule !== undefined) resource.schedule = toScheduleValue(input.schedule);
    Object.assign(resource, deriveScheduleColumns(resource.schedule));
  }

  /** Rules across fields, checked on the merged record so an update cannot break them either. */
  private checkInvariants(r: Resource): void {
    const fields: FieldError[] = [];
    if ((r.lat == null) !== (r.lng == null))
      fields.push({ field: "input.lat", messages: ["緯度と経度は両方入力してください"] });
    if (r.capacity != null && r.openings != null && r.openings > r.capacity) {
      fields.push({ field: "input.openings", messages: ["空きは定員以下にしてください"] });
    }
    if (fields.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", fields);
  }

  /** Sets a listing's areas; returns them as stored. */
  private async replaceAreas(tx: EntityManager, resourceId: string, areaIds: string[]): Promise<string[]> {
    const ids = [...new Set(areaIds)];
    if (ids.length) {
      if (!(await AreaService.allExist(tx, ids))) throw badInput("input.areaIds", "存在しない地域が含まれています");
    }
    await tx.query("DELETE FROM resource_area WHERE resource_id = $1", [resourceId]);
    if (ids.length) {
      await tx.query("INSERT INTO resource_area (resource_id, area_id) SELECT $1, unnest($2::uuid[])", [
        resourceId,
        ids,
      ]);
    }
    return ids;
  }
}

/** The host organizations as a new listing's search document shows them, by id. */
async function hostsOf(tx: EntityManager, ids: string[]): Promise<Map<string, DocumentHost>> {
  const rows: ({ id: string } & DocumentHost)[] = await tx.query(
    `SELECT id, name, name_kana AS "nameKana" FROM organization WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, nameKana: r.nameKana }]));
}
