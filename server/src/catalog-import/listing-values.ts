import type { Eligibility } from "../resources/eligibility.js";
import type { ImportableFields } from "../resources/resource.service.js";
import { describeSchedule } from "../schedules/schedule.js";
import { toScheduleValue, type ScheduleValue } from "../schedules/schedule.value.js";
import type { ImportedListingValues } from "./imported-listing.js";

/** The listing fields an import may set, in a fixed order (the report's columns follow it). */
export const IMPORTED_FIELDS = [
  "name",
  "nameKana",
  "kind",
  "status",
  "description",
  "targetGroups",
  "eligibility",
  "rolesOffered",
  "activities",
  "venueName",
  "address",
  "lat",
  "lng",
  "citywide",
  "homeBased",
  "visiting",
  "schedule",
  "capacity",
  "openings",
  "costPerSessionYen",
  "accessibility",
  "nearestStop",
  "transportOptions",
  "visitAllowed",
  "trialAllowed",
  "contactName",
  "contactPhone",
  "contactPhone2",
  "contactEmail",
] as const satisfies readonly (keyof ImportedListingValues & keyof ImportableFields)[];

export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/** Japanese column names for the preview and the report. */
export const FIELD_LABELS: Record<ImportedField, string> = {
  name: "名称",
  nameKana: "よみがな",
  kind: "種類",
  status: "活動状況",
  description: "説明",
  targetGroups: "対象",
  eligibility: "利用条件",
  rolesOffered: "参加の形",
  activities: "活動内容",
  venueName: "会場",
  address: "住所",
  lat: "緯度",
  lng: "経度",
  citywide: "市全域",
  homeBased: "在宅で参加",
  visiting: "訪問型",
  schedule: "開催日時",
  capacity: "定員",
  openings: "現在の空き",
  costPerSessionYen: "費用",
  accessibility: "バリアフリー",
  nearestStop: "最寄り",
  transportOptions: "交通手段",
  visitAllowed: "見学",
  trialAllowed: "体験",
  contactName: "連絡先の担当者",
  contactPhone: "電話番号",
  contactPhone2: "電話番号2",
  contactEmail: "メールアドレス",
};

// The listing's embedded columns come back in the entity's order, a file's in its reader's: one order for both.
const canonicalEligibility = (e: Eligibility) => ({
  ageMin: e.ageMin ?? null,
  ageMax: e.ageMax ?? null,
  certificateRequired: e.certificateRequired,
  residenceRequired: e.residenceRequired,
  requiresSupportPlan: e.requiresSupportPlan,
  referredCasesOnly: e.referredCasesOnly,
});

/** 利用条件 as a person reads it in the report. */
function describeEligibility(e: Eligibility): string {
  const ages = e.ageMin != null || e.ageMax != null ? [`${e.ageMin ?? ""}〜${e.ageMax ?? ""}歳`] : [];
  const flags: [boolean, string][] = [
    [e.certificateRequired, "手帳等が必要"],
    [e.residenceRequired, "市内在住"],
    [e.requiresSupportPlan, "支援プランのある人のみ"],
    [e.referredCasesOnly, "紹介のみ"],
  ];
  return [...ages, ...flags.filter(([on]) => on).map(([, label]) => label)].join("・") || "条件なし";
}

/**
 * One field's value in a form that compares equal whenever the listing would read the same: trimmed text, sets
 * sorted, a schedule with its keys in one order (jsonb does not keep key order). JSON text, so it can be stored.
 */
export function canonicalValue(field: ImportedField, value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (field === "schedule") return JSON.stringify(toScheduleValue(value as ScheduleValue));
  if (field === "eligibility") return JSON.stringify(canonicalEligibility(value as Eligibility));
  if (Array.isArray(value)) return JSON.stringify([...new Set(value as string[])].sort());
  if (typeof value === "string") return JSON.stringify(value.trim());
  return JSON.stringify(value);
}

/** The fields a file gives (absent = the file says nothing; a missing reading is left to the listing). */
export function givenFields(values: ImportedListingValues): ImportedField[] {
  return IMPORTED_FIELDS.filter((f) => values[f] !== undefined && !(f === "nameKana" && !values.nameKana));
}

/** The file's values in canonical form, by field: what an import stores to recognise later edits. */
export function canonicalValues(values: ImportedListingValues): Record<string, string> {
  return Object.fromEntries(givenFields(values).map((f) => [f, canonicalValue(f, values[f])]));
}

/** The listing's current values for the same fields. */
export function currentValues(resource: Record<string, unknown>, fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, canonicalValue(f as ImportedField, resource[f])]));
}

/** What the file's values become on the listing. */
export function toImportableFields(values: ImportedListingValues): ImportableFields {
  const out: Record<string, unknown> = {};
  for (const f of givenFields(values)) out[f] = values[f];
  return out;
}

/** A value as a person reads it in the report. */
export function displayValue(field: ImportedField, canonical: string | undefined): string {
  if (canonical === undefined || canonical === "null") return "";
  const v: unknown = JSON.parse(canonical);
  if (field === "schedule") {
    const s = v as ScheduleValue;
    return [describeSchedule(s), s.note ?? ""].filter(Boolean).join(" / ");
  }
  if (field === "eligibility") return describeEligibility(v as Eligibility);
  if (Array.isArray(v)) return v.join("・");
  return String(v);
}
