import { parse } from "csv-parse/sync";
import JSZip from "jszip";
import { badInput } from "../core/errors.js";
import type {
  ImportedListing,
  ListingSource,
  ParsedCatalogFile,
  RejectedRow,
} from "../catalog-import/imported-listing.js";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import type { ScheduleValue } from "../schedules/schedule.value.js";
import { joinJapaneseAddress } from "./hsds-address.js";
import { STATUS } from "./hsds-mapper.js";
import { fromHsdsSchedules } from "./hsds-schedule.js";
import { TaxonomyKey, codeOfTerm } from "./hsds-taxonomy.js";
import { TABLES, type Row, type TableName } from "./hsds-tables.js";
import type { HsdsLocation, HsdsService } from "./hsds.types.js";

/**
 * HSDS 3.0 back into listings (layout HSDS_3) for the import engine: the API's JSON (one service, an array, or a page
 * with `contents`) or the tabular package (.zip of CSVs, as /hsds/package.zip writes it). tsunagu's own codes come
 * back from the attributes whose terms it publishes (hsds-taxonomy.ts); a foreign file's other attributes are ignored.
 */

export interface ReadHsdsOptions {
  fileName: string;
  source?: Partial<ListingSource>;
  /** The kind of a service with no tsunagu kind attribute (a foreign file); shown as a guess to check. */
  defaultKind?: ResourceKind;
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readHsds(bytes: Uint8Array, options: ReadHsdsOptions): Promise<ParsedCatalogFile> {
  if (isZip(bytes)) return readHsdsPackage(await tablesOfZip(bytes), options);
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(bytes)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  } catch {
    throw badInput("file", "HSDS のファイルは JSON か、CSV をまとめた .zip にしてください");
  }
  return readHsdsJson(json, options);
}

/** The API's JSON: a service, an array of services, or a page (`contents`). */
export function readHsdsJson(json: unknown, options: ReadHsdsOptions): ParsedCatalogFile {
  const list = Array.isArray(json)
    ? json
    : json && typeof json === "object" && Array.isArray((json as { contents?: unknown }).contents)
      ? (json as { contents: unknown[] }).contents
      : [json];
  return parsed(list as HsdsService[], "JSON", [], options, (i) => i + 1);
}

/** Whether a .zip is an HSDS tabular package (it has services.csv) rather than, say, an .xlsx workbook. */
export async function isHsdsPackage(bytes: Uint8Array): Promise<boolean> {
  if (!isZip(bytes)) return false;
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).some((name) => name.split("/").at(-1) === TABLES.service.path);
}

async function tablesOfZip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const tables = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir && file.name.endsWith(".csv")) tables.set(file.name.split("/").at(-1)!, await file.async("string"));
  }
  return tables;
}

/** The tabular package: CSV text by file name (services.csv, schedules.csv, …), joined back into services. */
export function readHsdsPackage(files: Map<string, string>, options: ReadHsdsOptions): ParsedCatalogFile {
  const servicesText = files.get(TABLES.service.path);
  if (servicesText === undefined) throw badInput("file", "HSDS のパッケージに services.csv がありません");
  const bom = servicesText.startsWith("\uFEFF");
  const table = (name: TableName): Row[] => {
    const text = files.get(TABLES[name].path);
    if (text === undefined) return [];
    const rows = parse<Record<string, string>>(text, { columns: true, bom: true, skip_empty_lines: true });
    const numbers = new Set<string>(TABLES[name].numbers);
    return rows.map((r) =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([, v]) => v !== "")
          .map(([k, v]) => [k, numbers.has(k) ? Number(v) : v]),
      ),
    );
  };
  const by = (rows: Row[], key: string) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) {
      const k = r[key] as string | undefined;
      if (k) m.set(k, [...(m.get(k) ?? []), r]);
    }
    return m;
  };
  const firstLine: string[][] = parse(servicesText, { bom: true, to_line: 1 });
  const headers = firstLine[0] ?? [];
  const phones = by(table("phone"), "service_id");
  const schedules = by(table("schedule"), "service_id");
  const contacts = by(table("contact"), "service_id");
  const costs = by(table("cost_option"), "service_id");
  const attributes = by(
    table("attribute").filter((a) => !a.link_entity || a.link_entity === "service"),
    "link_id",
  );
  const atLocations = by(table("service_at_location"), "service_id");
  const locations = new Map(table("location").map((l) => [l.id as string, l]));
  const addresses = by(table("address"), "location_id");
  const organizations = new Map(table("organization").map((o) => [o.id as string, o]));
  const services = table("service").map((s): HsdsService => {
    const id = s.id as string;
    return {
      ...(s as unknown as HsdsService),
      phones: (phones.get(id) ?? []) as never,
      schedules: (schedules.get(id) ?? []) as never,
      contacts: (contacts.get(id) ?? []) as never,
      cost_options: (costs.get(id) ?? []) as never,
      attributes: (attributes.get(id) ?? []) as never,
      service_at_locations: (atLocations.get(id) ?? []).map((at) => {
        const location = locations.get(at.location_id as string);
        return {
          ...(at as { id: string }),
          ...(location
            ? {
                location: {
                  ...location,
                  addresses: addresses.get(location.id as string) ?? [],
                } as unknown as HsdsLocation,
              }
            : {}),
        };
      }),
      ...(organizations.has(s.organization_id as string)
        ? { organization: organizations.get(s.organization_id as string) as never }
        : {}),
    };
  });
  return parsed(services, bom ? "UTF8_BOM" : "UTF8", headers, options, (i) => i + 2);
}

function parsed(
  services: HsdsService[],
  encoding: ParsedCatalogFile["encoding"],
  headers: string[],
  options: ReadHsdsOptions,
  rowNumberOf: (index: number) => number,
): ParsedCatalogFile {
  const listings: ImportedListing[] = [];
  const rejected: RejectedRow[] = [];
  services.forEach((s, i) => {
    const rowNumber = rowNumberOf(i);
    if (!s || typeof s !== "object" || typeof s.name !== "string" || !s.name.trim()) {
      rejected.push({ rowNumber, reason: "サービスの名称 (name) がありません" });
      return;
    }
    listings.push(listingOf(s, rowNumber, options));
  });
  return { layout: "HSDS_3", encoding, sheet: null, headers, listings, repairs: [], rejected };
}

/** HSDS's status back to tsunagu's (the exporter's STATUS reversed; `inactive`, which it never writes, is 休止). */
const STATUS_OF: Partial<Record<string, ResourceStatus>> = {
  ...Object.fromEntries(Object.entries(STATUS).map(([status, hsds]) => [hsds, status as ResourceStatus])),
  inactive: ResourceStatus.PAUSED,
};

const inEnum = <E extends Record<string, string>>(e: E, v: string): v is E[keyof E] => Object.values(e).includes(v);

function listingOf(s: HsdsService, rowNumber: number, options: ReadHsdsOptions): ImportedListing {
  const codes = new Map<TaxonomyKey, { code: string; value?: string }[]>();
  for (const a of s.attributes ?? []) {
    const term = codeOfTerm(a.taxonomy_term_id);
    if (term) codes.set(term.key, [...(codes.get(term.key) ?? []), { code: term.code, value: a.value }]);
  }
  const all = (key: TaxonomyKey) => codes.get(key) ?? [];
  const has = (key: TaxonomyKey, code: string) => all(key).some((c) => c.code === code);
  const valueOf = (key: TaxonomyKey, code: string) => all(key).find((c) => c.code === code)?.value;
  const needsReview: string[] = [];

  const kindCode = all(TaxonomyKey.KIND)[0]?.code;
  const kind = kindCode && inEnum(ResourceKind, kindCode) ? kindCode : (options.defaultKind ?? ResourceKind.IBASHO);
  if (!kindCode) needsReview.push("種類が HSDS の属性にないため既定の種類にしました");

  const location = s.service_at_locations?.find((at) => at.location)?.location;
  const address = location?.addresses?.find((a) => a.address_type !== "postal") ?? location?.addresses?.[0];
  const allSchedules = [
    ...(s.schedules ?? []),
    ...(s.service_at_locations ?? []).flatMap((at) => at.location?.schedules ?? []),
  ];
  const read = fromHsdsSchedules(allSchedules);
  const tsunaguOrigin = codes.size > 0;
  const foreignNote = tsunaguOrigin ? null : (allSchedules.find((x) => x.notes)?.notes ?? null);
  const noteParts = [valueOf(TaxonomyKey.CLOSURE, "SCHEDULE_NOTE") ?? foreignNote, ...read.unreadable].filter(
    (x): x is string => !!x,
  );
  if (read.unreadable.length) needsReview.push(`日程を読み取れませんでした: ${read.unreadable.join(" / ")}`);
  const schedule: ScheduleValue = {
    rules: read.rules,
    closedOnHolidays: has(TaxonomyKey.CLOSURE, "CLOSED_ON_HOLIDAYS"),
    closedYearEnd: has(TaxonomyKey.CLOSURE, "CLOSED_YEAR_END"),
    closedDates: all(TaxonomyKey.CLOSURE)
      .filter((c) => c.code === "CLOSED_DATE" && c.value)
      .map((c) => c.value!)
      .sort(),
    note: noteParts.length ? noteParts.join("。") : null,
  };
  const cost = s.cost_options?.find((c) => !c.currency || c.currency === "JPY");
  const contact = s.contacts?.[0];
  const capacity = valueOf(TaxonomyKey.LISTING, "CAPACITY");
  const openings = valueOf(TaxonomyKey.LISTING, "OPENINGS");
  const integer = (v: string | undefined) => (v !== undefined && Number.isInteger(Number(v)) ? Number(v) : null);
  const age = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);
  const status = STATUS_OF[s.status];
  // Phones: the first is the listing's number, the second its other one (as the exporter writes them).
  const [phone, phone2] = (s.phones ?? []).map((p) => p.number).filter(Boolean);
  const source: ListingSource = {
    publisher: options.source?.publisher ?? s.organization?.name ?? "HSDS",
    dataset: options.source?.dataset ?? options.fileName,
    sourceId: s.id,
    licence: options.source?.licence ?? null,
    attribution: options.source?.attribution ?? null,
    fileDate: options.source?.fileDate ?? null,
  };
  return {
    rowNumber,
    source,
    organizationName: s.organization?.name ?? null,
    values: {
      name: s.name.trim(),
      nameKana: valueOf(TaxonomyKey.READING, "NAME_KANA") ?? null,
      kind,
      ...(status ? { status } : {}),
      description: s.description ?? "",
      targetGroups: all(TaxonomyKey.TARGET_GROUP)
        .map((c) => c.code)
        .filter((c): c is TargetGroup => inEnum(TargetGroup, c)),
      eligibility: {
        ageMin: age(s.minimum_age),
        ageMax: age(s.maximum_age),
        certificateRequired: has(TaxonomyKey.LISTING, "CERTIFICATE_REQUIRED"),
        residenceRequired: has(TaxonomyKey.LISTING, "RESIDENCE_REQUIRED"),
        requiresSupportPlan: has(TaxonomyKey.LISTING, "REQUIRES_SUPPORT_PLAN"),
        referredCasesOnly: has(TaxonomyKey.LISTING, "REFERRED_CASES_ONLY"),
      },
      rolesOffered: all(TaxonomyKey.PARTICIPATION)
        .map((c) => c.code)
        .filter((c): c is ParticipationRole => inEnum(ParticipationRole, c)),
      activities: all(TaxonomyKey.LISTING)
        .filter((c) => c.code === "ACTIVITY" && c.value)
        .map((c) => c.value!),
      venueName: location?.name ?? null,
      address: address ? joinJapaneseAddress(address) || null : null,
      lat: typeof location?.latitude === "number" ? location.latitude : null,
      lng: typeof location?.longitude === "number" ? location.longitude : null,
      citywide: has(TaxonomyKey.LISTING, "CITYWIDE"),
      homeBased: has(TaxonomyKey.LISTING, "HOME_BASED"),
      visiting: has(TaxonomyKey.LISTING, "VISITING"),
      schedule,
      capacity: integer(capacity),
      openings: integer(openings),
      costPerSessionYen: typeof cost?.amount === "number" ? cost.amount : 0,
      accessibility: all(TaxonomyKey.ACCESSIBILITY)
        .map((c) => c.code)
        .filter((c): c is Accessibility => inEnum(Accessibility, c)),
      nearestStop: valueOf(TaxonomyKey.LISTING, "NEAREST_STOP") ?? null,
      transportOptions: all(TaxonomyKey.TRANSPORT)
        .map((c) => c.code)
        .filter((c): c is TransportOption => inEnum(TransportOption, c)),
      visitAllowed: has(TaxonomyKey.LISTING, "VISIT_ALLOWED"),
      trialAllowed: has(TaxonomyKey.LISTING, "TRIAL_ALLOWED"),
      contactName: contact?.name ?? null,
      contactPhone: phone ?? null,
      contactPhone2: phone2 ?? null,
      contactEmail: s.email ?? contact?.email ?? null,
    },
    kindGuess: kindCode
      ? { from: "KIND_COLUMN", text: kindCode }
      : { from: "DEFAULT", text: options.defaultKind ?? ResourceKind.IBASHO },
    needsReview,
  };
}
