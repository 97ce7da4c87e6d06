import { ACCESSIBILITY_LABELS, TRANSPORT_OPTION_LABELS } from "@tsunagu/labels";
import type { Organization } from "../organizations/organization.entity.js";
import type { Resource } from "../resources/resource.entity.js";
import { ResourceStatus } from "../resources/resource.enums.js";
import { splitJapaneseAddress } from "./hsds-address.js";
import { stableId } from "./hsds-ids.js";
import { toHsdsSchedules } from "./hsds-schedule.js";
import { TaxonomyKey, attribute } from "./hsds-taxonomy.js";
import type {
  HsdsAttribute,
  HsdsCostOption,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsService,
  HsdsServiceAtLocation,
} from "./hsds.types.js";

/** A listing as HSDS sees it: the service, and (when it has a place) one location met through service_at_location. */

export const STATUS: Record<ResourceStatus, HsdsService["status"]> = {
  [ResourceStatus.ACTIVE]: "active",
  [ResourceStatus.PAUSED]: "temporarily closed",
  [ResourceStatus.ENDED]: "defunct",
};

export const locationIdOf = (resourceId: string) => stableId(`location:${resourceId}`);
export const serviceAtLocationIdOf = (resourceId: string) => stableId(`service-at-location:${resourceId}`);

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

function serviceAttributes(r: Resource): HsdsAttribute[] {
  const a = (key: TaxonomyKey, code: string, value?: string) => attribute("service", r.id, key, code, value);
  const flags: [boolean, string][] = [
    [r.citywide, "CITYWIDE"],
    [r.homeBased, "HOME_BASED"],
    [r.visiting, "VISITING"],
    [r.visitAllowed, "VISIT_ALLOWED"],
    [r.trialAllowed, "TRIAL_ALLOWED"],
    [r.eligibility.certificateRequired, "CERTIFICATE_REQUIRED"],
    [r.eligibility.residenceRequired, "RESIDENCE_REQUIRED"],
    [r.eligibility.requiresSupportPlan, "REQUIRES_SUPPORT_PLAN"],
    [r.eligibility.referredCasesOnly, "REFERRED_CASES_ONLY"],
  ];
  return [
    a(TaxonomyKey.KIND, r.kind),
    a(TaxonomyKey.READING, "NAME_KANA", r.nameKana),
    ...r.targetGroups.map((g) => a(TaxonomyKey.TARGET_GROUP, g)),
    ...r.rolesOffered.map((g) => a(TaxonomyKey.PARTICIPATION, g)),
    ...r.accessibility.map((g) => a(TaxonomyKey.ACCESSIBILITY, g)),
    ...r.transportOptions.map((g) => a(TaxonomyKey.TRANSPORT, g)),
    ...r.activities.map((x) => a(TaxonomyKey.LISTING, "ACTIVITY", x)),
    ...(r.capacity != null ? [a(TaxonomyKey.LISTING, "CAPACITY", String(r.capacity))] : []),
    ...(r.openings != null ? [a(TaxonomyKey.LISTING, "OPENINGS", String(r.openings))] : []),
    ...(r.nearestStop ? [a(TaxonomyKey.LISTING, "NEAREST_STOP", r.nearestStop)] : []),
    ...flags.filter(([on]) => on).map(([, code]) => a(TaxonomyKey.LISTING, code)),
    ...(r.schedule.closedOnHolidays ? [a(TaxonomyKey.CLOSURE, "CLOSED_ON_HOLIDAYS")] : []),
    ...(r.schedule.closedYearEnd ? [a(TaxonomyKey.CLOSURE, "CLOSED_YEAR_END")] : []),
    ...r.schedule.closedDates.map((d) => a(TaxonomyKey.CLOSURE, "CLOSED_DATE", d)),
    ...(r.schedule.note ? [a(TaxonomyKey.CLOSURE, "SCHEDULE_NOTE", r.schedule.note)] : []),
  ];
}

/** The owner's numbers, in order (the reader takes the first as the main one). */
function phoneOf(
  owner: { service_id?: string; organization_id?: string },
  ownerId: string,
  number: string | null,
  second: string | null = null,
): HsdsPhone[] {
  return [
    ...(number ? [{ id: stableId(`phone:${ownerId}`), number, type: "voice", ...owner } satisfies HsdsPhone] : []),
    ...(second
      ? [{ id: stableId(`phone2:${ownerId}`), number: second, type: "voice", ...owner } satisfies HsdsPhone]
      : []),
  ];
}

/** The listing's place, when it has one (a venue, an address or coordinates). */
export function toHsdsLocation(r: Resource): HsdsLocation | null {
  if (!r.venueName && !r.address && r.lat == null) return null;
  const id = locationIdOf(r.id);
  const transport = [r.nearestStop, ...r.transportOptions.map((t) => TRANSPORT_OPTION_LABELS[t])].filter(Boolean);
  return {
    id,
    location_type: "physical",
    organization_id: r.organizationId,
    ...(r.venueName ? { name: r.venueName } : {}),
    ...(transport.length ? { transportation: transport.join("、") } : {}),
    ...(r.lat != null && r.lng != null ? { latitude: r.lat, longitude: r.lng } : {}),
    addresses: r.address
      ? [
          {
            id: stableId(`address:${r.id}`),
            location_id: id,
            ...splitJapaneseAddress(r.address),
            // tsunagu keeps no postal code; HSDS requires the field, so it is present and empty.
            postal_code: "",
            country: "JP",
            address_type: "physical",
          },
        ]
      : [],
    accessibility: r.accessibility.map((a) => ({
      id: stableId(`accessibility:${r.id}:${a}`),
      location_id: id,
      description: ACCESSIBILITY_LABELS[a],
    })),
  };
}

export function toHsdsServiceAtLocation(r: Resource): HsdsServiceAtLocation | null {
  const location = toHsdsLocation(r);
  if (!location) return null;
  return { id: serviceAtLocationIdOf(r.id), service_id: r.id, location_id: location.id, location };
}

export function toHsdsOrganization(o: Organization): HsdsOrganization {
  const owner = { organization_id: o.id };
  return {
    id: o.id,
    name: o.name,
    // tsunagu keeps no description of an organization; HSDS requires the field, so it is present and empty.
    description: "",
    // Only the 公開用の連絡先: the named contact person, their phone and e-mail are staff-only (Organization).
    ...(o.publicEmail ? { email: o.publicEmail } : {}),
    phones: phoneOf(owner, o.id, o.publicPhone),
    contacts: [],
    attributes: [attribute("organization", o.id, TaxonomyKey.READING, "NAME_KANA", o.nameKana)],
  };
}

/** Who may come, in words (HSDS keeps the ages in their own fields). */
function eligibilityText(r: Resource): string | null {
  const e = r.eligibility;
  const parts = [
    ...(e.certificateRequired ? ["手帳等が必要"] : []),
    ...(e.residenceRequired ? ["市内在住が条件"] : []),
    ...(e.requiresSupportPlan ? ["支援プランのある人のみ"] : []),
    ...(e.referredCasesOnly ? ["関係機関からの紹介のみ"] : []),
  ];
  return parts.length ? parts.join("。") : null;
}

/** A listing as a full HSDS service (the nested object of GET /services/{id}). */
export function toHsdsService(r: Resource, organization?: Organization): HsdsService {
  const owner = { service_id: r.id };
  const cost: HsdsCostOption = {
    id: stableId(`cost-option:${r.id}`),
    service_id: r.id,
    option: "1回あたり",
    currency: "JPY",
    amount: r.costPerSessionYen,
    amount_description: r.costPerSessionYen === 0 ? "無料" : `1回 ${r.costPerSessionYen}円`,
  };
  const { ageMin, ageMax } = r.eligibility;
  const at = toHsdsServiceAtLocation(r);
  const eligibility = eligibilityText(r);
  return {
    id: r.id,
    organization_id: r.organizationId,
    name: r.name,
    description: r.description,
    ...(r.contactEmail ? { email: r.contactEmail } : {}),
    status: STATUS[r.status],
    fees_description: cost.amount_description,
    ...(eligibility ? { eligibility_description: eligibility } : {}),
    ...(ageMin != null ? { minimum_age: ageMin } : {}),
    ...(ageMax != null ? { maximum_age: ageMax } : {}),
    ...(r.verifiedAt ? { assured_date: dateOnly(r.verifiedAt) } : {}),
    last_modified: r.updatedAt.toISOString(),
    phones: phoneOf(owner, r.id, r.contactPhone, r.contactPhone2),
    schedules: toHsdsSchedules(r.id, r.schedule),
    service_at_locations: at ? [at] : [],
    cost_options: [cost],
    // Public like the rest of HSDS: the listing's phones and e-mail above, never its 担当者名 (a named person).
    contacts: [],
    attributes: serviceAttributes(r),
    ...(organization ? { organization: toHsdsOrganization(organization) } : {}),
  };
}
