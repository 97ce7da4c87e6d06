import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_GROUP_LABELS,
  TRANSPORT_OPTION_LABELS,
  catalogMessages,
  formatCalendarDate,
  formatDateTime,
} from "../../messages";

const f = catalogMessages.fields;
const h = catalogMessages.history;

/** The history names fields as the inputs do; these are their labels on the listing form. */
const FIELD_LABELS: Record<string, string> = {
  name: f.name,
  nameKana: f.nameKana,
  kind: f.kind,
  status: f.status,
  organizationId: f.organization,
  description: f.description,
  targetGroups: f.targetGroups,
  "eligibility.ageMin": f.ageMin,
  "eligibility.ageMax": f.ageMax,
  "eligibility.certificateRequired": f.certificateRequired,
  "eligibility.residenceRequired": f.residenceRequired,
  "eligibility.requiresSupportPlan": f.requiresSupportPlan,
  "eligibility.referredCasesOnly": f.referredCasesOnly,
  rolesOffered: f.rolesOffered,
  activities: f.activities,
  venueName: f.venueName,
  address: f.address,
  lat: f.lat,
  lng: f.lng,
  areaIds: f.areas,
  citywide: f.citywide,
  homeBased: f.homeBased,
  visiting: f.visiting,
  schedule: catalogMessages.sections.schedule,
  "schedule.closedDates": "臨時休止日",
  "schedule.note": "日程の補足",
  capacity: f.capacity,
  openings: f.openings,
  costPerSessionYen: f.costPerSessionYen,
  accessibility: f.accessibility,
  nearestStop: f.nearestStop,
  transportOptions: f.transportOptions,
  visitAllowed: f.visitAllowed,
  trialAllowed: f.trialAllowed,
  contactName: f.contactName,
  contactPhone: f.contactPhone,
  contactPhone2: f.contactPhone2,
  contactEmail: f.contactEmail,
  verifiedAt: "最終確認日",
};

const ENUM_LABELS: Record<string, Record<string, string>> = {
  kind: RESOURCE_KIND_LABELS,
  status: RESOURCE_STATUS_LABELS,
  targetGroups: TARGET_GROUP_LABELS,
  rolesOffered: PARTICIPATION_ROLE_LABELS,
  accessibility: ACCESSIBILITY_LABELS,
  transportOptions: TRANSPORT_OPTION_LABELS,
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/**
 * A recorded value in words: enum codes by their labels, yes/no, lists joined with 「、」, dates in Japanese, ids
 * (areas, organizations) by their names when `names` knows them.
 */
export function formatHistoryValue(field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return h.empty;
  if (typeof value === "boolean") return value ? h.yes : h.no;
  const one = (v: unknown): string => {
    const s = typeof v === "string" ? v : JSON.stringify(v);
    if (ENUM_LABELS[field]) return ENUM_LABELS[field][s] ?? s;
    if (field === "areaIds" || field === "organizationId") return names.get(s) ?? s;
    if (field === "schedule.closedDates") return formatCalendarDate(s);
    if (field === "verifiedAt") return formatDateTime(s);
    return s;
  };
  return Array.isArray(value) ? value.map(one).join("、") : one(value);
}
