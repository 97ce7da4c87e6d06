import type {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../../gql/graphql";
import { catalogMessages } from "../../messages";
import {
  EMPTY_SCHEDULE_FORM,
  scheduleFormOf,
  toScheduleInput,
  type ScheduleForm,
  type ScheduleLike,
} from "../schedules/schedule-form";

const v = catalogMessages.validation;

/** Field errors keyed like the server's `extensions.fields` without the `input.` prefix (`eligibility.ageMax`). */
export type FieldErrorMap = Record<string, string[]>;

/**
 * Everything the catalog's listing form edits. Numbers stay the text typed until sent, so 「１０」 or a stray letter is
 * answered beside its box instead of being lost.
 */
export interface ListingFormState {
  name: string;
  nameKana: string;
  kind: ResourceKind | "";
  status: ResourceStatus;
  organizationId: string;
  description: string;
  targetGroups: TargetGroup[];
  ageMin: string;
  ageMax: string;
  certificateRequired: boolean;
  residenceRequired: boolean;
  requiresSupportPlan: boolean;
  referredCasesOnly: boolean;
  rolesOffered: ParticipationRole[];
  /** As typed: 「体操、茶話会」; split into the list on the way out. */
  activities: string;
  venueName: string;
  address: string;
  lat: string;
  lng: string;
  areaIds: string[];
  citywide: boolean;
  homeBased: boolean;
  visiting: boolean;
  schedule: ScheduleForm;
  capacity: string;
  openings: string;
  costPerSessionYen: string;
  accessibility: Accessibility[];
  nearestStop: string;
  transportOptions: TransportOption[];
  visitAllowed: boolean;
  trialAllowed: boolean;
  contactName: string;
  contactPhone: string;
  contactPhone2: string;
  contactEmail: string;
}

/** A saved listing as the form's fragment reads it. */
export interface ListingLike {
  name: string;
  nameKana: string;
  kind: ResourceKind;
  status: ResourceStatus;
  organization: { id: string };
  description: string;
  targetGroups: readonly TargetGroup[];
  eligibility: {
    ageMin?: number | null;
    ageMax?: number | null;
    certificateRequired: boolean;
    residenceRequired: boolean;
    requiresSupportPlan: boolean;
    referredCasesOnly: boolean;
  };
  rolesOffered: readonly ParticipationRole[];
  activities: readonly string[];
  venueName?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  areas: readonly { id: string }[];
  citywide: boolean;
  homeBased: boolean;
  visiting: boolean;
  schedule: ScheduleLike;
  capacity?: number | null;
  openings?: number | null;
  costPerSessionYen: number;
  accessibility: readonly Accessibility[];
  nearestStop?: string | null;
  transportOptions: readonly TransportOption[];
  visitAllowed: boolean;
  trialAllowed: boolean;
  contactName?: string | null;
  contactPhone?: string | null;
  contactPhone2?: string | null;
  contactEmail?: string | null;
}

const text = (value: string | null | undefined) => value ?? "";
const num = (value: number | null | undefined) => (value == null ? "" : String(value));

export function emptyListingForm(organizationId = ""): ListingFormState {
  return {
    name: "",
    nameKana: "",
    kind: "",
    status: "ACTIVE",
    organizationId,
    description: "",
    targetGroups: [],
    ageMin: "",
    ageMax: "",
    certificateRequired: false,
    residenceRequired: false,
    requiresSupportPlan: false,
    referredCasesOnly: false,
    rolesOffered: [],
    activities: "",
    venueName: "",
    address: "",
    lat: "",
    lng: "",
    areaIds: [],
    citywide: false,
    homeBased: false,
    visiting: false,
    schedule: { ...EMPTY_SCHEDULE_FORM, rules: [] },
    capacity: "",
    openings: "",
    costPerSessionYen: "0",
    accessibility: [],
    nearestStop: "",
    transportOptions: [],
    visitAllowed: false,
    trialAllowed: false,
    contactName: "",
    contactPhone: "",
    contactPhone2: "",
    contactEmail: "",
  };
}

export function listingFormOf(r: ListingLike): ListingFormState {
  return {
    name: r.name,
    nameKana: r.nameKana,
    kind: r.kind,
    status: r.status,
    organizationId: r.organization.id,
    description: r.description,
    targetGroups: [...r.targetGroups],
    ageMin: num(r.eligibility.ageMin),
    ageMax: num(r.eligibility.ageMax),
    certificateRequired: r.eligibility.certificateRequired,
    residenceRequired: r.eligibility.residenceRequired,
    requiresSupportPlan: r.eligibility.requiresSupportPlan,
    referredCasesOnly: r.eligibility.referredCasesOnly,
    rolesOffered: [...r.rolesOffered],
    activities: r.activities.join("、"),
    venueName: text(r.venueName),
    address: text(r.address),
    lat: num(r.lat),
    lng: num(r.lng),
    areaIds: r.areas.map((a) => a.id),
    citywide: r.citywide,
    homeBased: r.homeBased,
    visiting: r.visiting,
    schedule: scheduleFormOf(r.schedule),
    capacity: num(r.capacity),
    openings: num(r.openings),
    costPerSessionYen: String(r.costPerSessionYen),
    accessibility: [...r.accessibility],
    nearestStop: text(r.nearestStop),
    transportOptions: [...r.transportOptions],
    visitAllowed: r.visitAllowed,
    trialAllowed: r.trialAllowed,
    contactName: text(r.contactName),
    contactPhone: text(r.contactPhone),
    contactPhone2: text(r.contactPhone2),
    contactEmail: text(r.contactEmail),
  };
}

/** Full-width digits, signs and points (「１０」「－」「．」) read as their ASCII forms. */
const halfWidth = (s: string) => s.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

type Parsed<T> = { ok: true; value: T | null } | { ok: false };

function parseInteger(s: string): Parsed<number> {
  const t = halfWidth(s).replace(/,/g, "");
  if (t === "") return { ok: true, value: null };
  return /^\d{1,7}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false };
}

function parseDecimal(s: string): Parsed<number> {
  const t = halfWidth(s);
  if (t === "") return { ok: true, value: null };
  return /^-?\d{1,3}(\.\d+)?$/.test(t) ? { ok: true, value: Number(t) } : { ok: false };
}

/** 「体操、茶話会」「体操,茶話会」 or one per line → ["体操", "茶話会"]. */
export const splitActivities = (s: string) => [
  ...new Set(
    s
      .split(/[、,，\n]/)
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

/** The fields both createResource and updateResource take (CreateResourceInput minus the create-only ones). */
export interface ListingInput {
  name: string;
  nameKana: string | null;
  kind: ResourceKind;
  status: ResourceStatus;
  organizationId: string;
  description: string;
  targetGroups: TargetGroup[];
  eligibility: {
    ageMin: number | null;
    ageMax: number | null;
    certificateRequired: boolean;
    residenceRequired: boolean;
    requiresSupportPlan: boolean;
    referredCasesOnly: boolean;
  };
  rolesOffered: ParticipationRole[];
  activities: string[];
  venueName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  areaIds: string[];
  citywide: boolean;
  homeBased: boolean;
  visiting: boolean;
  schedule: ReturnType<typeof toScheduleInput>;
  capacity: number | null;
  openings: number | null;
  costPerSessionYen: number;
  accessibility: Accessibility[];
  nearestStop: string | null;
  transportOptions: TransportOption[];
  visitAllowed: boolean;
  trialAllowed: boolean;
  contactName: string | null;
  contactPhone: string | null;
  contactPhone2: string | null;
  contactEmail: string | null;
}

const orNull = (s: string) => s.trim() || null;

/**
 * The form → the API's input, with the checks that cannot reach the server as field errors (a number box holding
 * words would fail the Int argument as a whole). Rules the server owns (age range, openings ≤ capacity) stay there.
 */
export function toListingInput(
  form: ListingFormState,
): { ok: true; input: ListingInput } | { ok: false; errors: FieldErrorMap } {
  const errors: FieldErrorMap = {};
  const need = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  if (!form.name.trim()) need("name", v.nameRequired);
  if (!form.kind) need("kind", v.kindRequired);
  if (!form.organizationId) need("organizationId", v.organizationRequired);
  const ints = {
    ageMin: parseInteger(form.ageMin),
    ageMax: parseInteger(form.ageMax),
    capacity: parseInteger(form.capacity),
    openings: parseInteger(form.openings),
    costPerSessionYen: parseInteger(form.costPerSessionYen),
  };
  if (!ints.ageMin.ok) need("eligibility.ageMin", v.age);
  if (!ints.ageMax.ok) need("eligibility.ageMax", v.age);
  if (!ints.capacity.ok) need("capacity", v.count);
  if (!ints.openings.ok) need("openings", v.count);
  if (!ints.costPerSessionYen.ok) need("costPerSessionYen", v.cost);
  const lat = parseDecimal(form.lat);
  const lng = parseDecimal(form.lng);
  if (!lat.ok) need("lat", v.coordinate);
  if (!lng.ok) need("lng", v.coordinate);
  if (Object.keys(errors).length || !form.kind) return { ok: false, errors };
  const value = (p: Parsed<number>) => (p.ok ? p.value : null);
  return {
    ok: true,
    input: {
      name: form.name.trim(),
      nameKana: orNull(form.nameKana),
      kind: form.kind,
      status: form.status,
      organizationId: form.organizationId,
      description: form.description.trim(),
      targetGroups: form.targetGroups,
      eligibility: {
        ageMin: value(ints.ageMin),
        ageMax: value(ints.ageMax),
        certificateRequired: form.certificateRequired,
        residenceRequired: form.residenceRequired,
        requiresSupportPlan: form.requiresSupportPlan,
        referredCasesOnly: form.referredCasesOnly,
      },
      rolesOffered: form.rolesOffered,
      activities: splitActivities(form.activities),
      venueName: orNull(form.venueName),
      address: orNull(form.address),
      lat: value(lat),
      lng: value(lng),
      areaIds: form.areaIds,
      citywide: form.citywide,
      homeBased: form.homeBased,
      visiting: form.visiting,
      schedule: toScheduleInput(form.schedule),
      capacity: value(ints.capacity),
      openings: value(ints.openings),
      costPerSessionYen: value(ints.costPerSessionYen) ?? 0,
      accessibility: form.accessibility,
      nearestStop: orNull(form.nearestStop),
      transportOptions: form.transportOptions,
      visitAllowed: form.visitAllowed,
      trialAllowed: form.trialAllowed,
      contactName: orNull(form.contactName),
      contactPhone: orNull(form.contactPhone),
      contactPhone2: orNull(form.contactPhone2),
      contactEmail: orNull(form.contactEmail),
    },
  };
}
