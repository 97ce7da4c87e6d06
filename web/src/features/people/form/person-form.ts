import { graphql, useFragment } from "../../../gql";
import { NEEDS_PROFILE_FRAGMENT } from "../needs-profile.fragment";
import type {
  Accessibility,
  AgeBand,
  Certificate,
  ConsentFact,
  ConsentMethod,
  ConsentPurpose,
  ContactPreference,
  CreatePersonInput,
  GroupSizePreference,
  HouseholdCircumstance,
  HouseholdIssue,
  Mobility,
  NeedsInput,
  ParticipationLevel,
  ParticipationRole,
  PersonForm_PersonFragment,
  RecordConsentFields,
  ResourceKind,
  TargetGroup,
  TimeBand,
  UpdatePersonInput,
  Weekday,
} from "../../../gql/graphql";
import { personFormMessages } from "../../../messages";
import { today } from "@tsunagu/calendar";

const v = personFormMessages.validation;

/** Field errors keyed like the server's `extensions.fields` without the `input.` prefix (`needs.maxTravelMeters`). */
export type FieldErrorMap = Record<string, string[]>;

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrorMap };

export interface NeedsFormState {
  /** As typed: 「体操、料理」; split into the list on the way out. */
  wantedActivities: string;
  wantedKinds: ResourceKind[];
  targetGroups: TargetGroup[];
  weekdays: Weekday[];
  timeBands: TimeBand[];
  mobility: Mobility;
  /** Metres as a select value; "" for 決めていない. */
  maxTravelMeters: string;
  groupSize: GroupSizePreference;
  roles: ParticipationRole[];
  accessibility: Accessibility[];
  freeOnly: boolean;
  wishes: string;
  strengths: string;
  otherPreferences: string;
}

/** What 本人の登録 and 本人の情報を編集 share: who the person is, how to reach them, their household and needs. */
export interface PersonFormState {
  displayName: string;
  nameKana: string;
  birthYear: string;
  ageBand: AgeBand | "";
  areaId: string;
  participationLevel: ParticipationLevel;
  contactPreference: ContactPreference | "";
  contactNote: string;
  householdIssues: HouseholdIssue[];
  householdCircumstances: HouseholdCircumstance[];
  householdNote: string;
  certificates: Certificate[];
  needs: NeedsFormState;
}

/** A consent recorded together with the registration. */
export interface ConsentFormState {
  purpose: ConsentPurpose;
  facts: ConsentFact[];
  hostScope: "ANY" | "SPECIFIC";
  organization: { id: string; name: string } | null;
  method: ConsentMethod | "";
  givenOn: string;
  expiresOn: string;
  note: string;
}

/** The server holds a person either on their consent or for a 支援会議 they are taken up by: exactly one. */
export interface BasisFormState {
  kind: "CONSENT" | "MEETING" | null;
  consent: ConsentFormState;
  supportMeetingGroupId: string;
}

export interface NewPersonFormState {
  person: PersonFormState;
  registeredOn: string;
  basis: BasisFormState;
}

export const emptyNeeds = (): NeedsFormState => ({
  wantedActivities: "",
  wantedKinds: [],
  targetGroups: [],
  weekdays: [],
  timeBands: [],
  mobility: "UNKNOWN",
  maxTravelMeters: "",
  groupSize: "ANY",
  roles: [],
  accessibility: [],
  freeOnly: false,
  wishes: "",
  strengths: "",
  otherPreferences: "",
});

export const emptyPersonForm = (): PersonFormState => ({
  displayName: "",
  nameKana: "",
  birthYear: "",
  ageBand: "",
  areaId: "",
  participationLevel: "NO_CONTACT",
  contactPreference: "",
  contactNote: "",
  householdIssues: [],
  householdCircumstances: [],
  householdNote: "",
  certificates: [],
  needs: emptyNeeds(),
});

export function initialNewPersonForm(today: string): NewPersonFormState {
  return {
    person: emptyPersonForm(),
    registeredOn: today,
    basis: {
      kind: null,
      supportMeetingGroupId: "",
      consent: {
        purpose: "HOST_REFERRAL",
        facts: ["DISPLAY_NAME", "NEEDS"],
        hostScope: "ANY",
        organization: null,
        method: "",
        givenOn: today,
        expiresOn: "",
        note: "",
      },
    },
  };
}

/** What the form edits of a loaded person; the edit page's query spreads this fragment. */
export const PERSON_FORM_FRAGMENT = graphql(`
  fragment PersonForm_person on Person {
    id
    version
    displayName
    nameKana
    birthYear
    ageBand
    area {
      id
    }
    participationLevel
    contactPreference
    contactNote
    householdIssues
    householdCircumstances
    householdNote
    certificates
    needs {
      ...NeedsProfile_needs
    }
  }
`);

export function personFormFrom(p: PersonForm_PersonFragment): PersonFormState {
  const n = useFragment(NEEDS_PROFILE_FRAGMENT, p.needs);
  return {
    displayName: p.displayName,
    nameKana: p.nameKana,
    birthYear: p.birthYear == null ? "" : String(p.birthYear),
    ageBand: p.ageBand ?? "",
    areaId: p.area?.id ?? "",
    participationLevel: p.participationLevel,
    contactPreference: p.contactPreference ?? "",
    contactNote: p.contactNote,
    householdIssues: [...p.householdIssues],
    householdCircumstances: [...p.householdCircumstances],
    householdNote: p.householdNote,
    certificates: [...p.certificates],
    needs: {
      wantedActivities: n.wantedActivities.join("、"),
      wantedKinds: [...n.wantedKinds],
      targetGroups: [...n.targetGroups],
      weekdays: [...n.weekdays],
      timeBands: [...n.timeBands],
      mobility: n.mobility,
      maxTravelMeters: n.maxTravelMeters == null ? "" : String(n.maxTravelMeters),
      groupSize: n.groupSize,
      roles: [...n.roles],
      accessibility: [...n.accessibility],
      freeOnly: n.freeOnly,
      wishes: n.wishes,
      strengths: n.strengths,
      otherPreferences: n.otherPreferences,
    },
  };
}

/** 「体操、料理, 畑」 → ["体操", "料理", "畑"]: Japanese and Latin commas and line breaks all separate. */
export function splitActivities(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，\n]/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
}

export function toNeedsInput(n: NeedsFormState): NeedsInput {
  return {
    wantedActivities: splitActivities(n.wantedActivities),
    wantedKinds: n.wantedKinds,
    targetGroups: n.targetGroups,
    weekdays: n.weekdays,
    timeBands: n.timeBands,
    mobility: n.mobility,
    maxTravelMeters: n.maxTravelMeters ? Number(n.maxTravelMeters) : null,
    groupSize: n.groupSize,
    roles: n.roles,
    accessibility: n.accessibility,
    freeOnly: n.freeOnly,
    wishes: n.wishes.trim(),
    strengths: n.strengths.trim(),
    otherPreferences: n.otherPreferences.trim(),
  };
}

const BIRTH_YEAR = /^\d{4}$/;

function checkProfile(form: PersonFormState, errors: FieldErrorMap): void {
  if (!form.displayName.trim()) errors.displayName = [v.enterDisplayName];
  const year = form.birthYear.trim();
  if (year && !BIRTH_YEAR.test(year)) errors.birthYear = [v.birthYear];
  // Mirrors the server's rule (person.inputs.ts): a birth year after this one is a typo.
  else if (year && Number(year) > Number(today().slice(0, 4))) errors.birthYear = [v.birthYearFuture];
}

/**
 * The profile part of both inputs. A birth year decides the age band on the server, so the band is left out then
 * (sending it, even as null, would override the server's own). Ranges, lengths and readings are the server's checks.
 */
function profileInput(form: PersonFormState) {
  const year = form.birthYear.trim();
  return {
    displayName: form.displayName.trim(),
    nameKana: form.nameKana.trim() || null,
    ...(year ? { birthYear: Number(year) } : { birthYear: null, ageBand: form.ageBand || null }),
    areaId: form.areaId || null,
    participationLevel: form.participationLevel,
    contactPreference: form.contactPreference || null,
    contactNote: form.contactNote.trim(),
    householdIssues: form.householdIssues,
    householdCircumstances: form.householdCircumstances,
    householdNote: form.householdNote.trim(),
    certificates: form.certificates,
    needs: toNeedsInput(form.needs),
  };
}

function consentInput(c: ConsentFormState): RecordConsentFields | null {
  if (!c.method) return null;
  const referral = c.purpose === "HOST_REFERRAL";
  return {
    purpose: c.purpose,
    // What may be told to a host, and which host, only mean something for a referral consent.
    facts: referral ? c.facts : [],
    organizationId: referral && c.hostScope === "SPECIFIC" ? (c.organization?.id ?? null) : null,
    method: c.method,
    givenOn: c.givenOn,
    expiresOn: c.expiresOn || null,
    note: c.note.trim(),
  };
}

/** Form → CreatePersonInput, with the consent or the 支援会議 (never both: the server refuses that). */
export function toCreatePersonInput(form: NewPersonFormState): Checked<CreatePersonInput> {
  const errors: FieldErrorMap = {};
  checkProfile(form.person, errors);
  const { basis } = form;
  if (!basis.kind) errors.consent = [v.chooseBasis];
  if (basis.kind === "MEETING" && !basis.supportMeetingGroupId) errors.supportMeetingGroupId = [v.chooseMeeting];
  if (basis.kind === "CONSENT") {
    const c = basis.consent;
    if (!c.method) errors["consent.method"] = [v.chooseMethod];
    if (!c.givenOn) errors["consent.givenOn"] = [v.enterGivenOn];
    if (c.purpose === "HOST_REFERRAL" && c.hostScope === "SPECIFIC" && !c.organization) {
      errors["consent.organizationId"] = [v.chooseOrganization];
    }
  }
  const consent = basis.kind === "CONSENT" ? consentInput(basis.consent) : null;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...profileInput(form.person),
      registeredOn: form.registeredOn || null,
      ...(consent ? { consent } : { supportMeetingGroupId: basis.supportMeetingGroupId }),
    },
  };
}

/** Form → UpdatePersonInput: every field is sent, with the version it was loaded at (a later save is a CONFLICT). */
export function toUpdatePersonInput(
  id: string,
  expectedVersion: number,
  form: PersonFormState,
): Checked<UpdatePersonInput> {
  const errors: FieldErrorMap = {};
  checkProfile(form, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { id, expectedVersion, ...profileInput(form) } };
}
