import type { ReactNode } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { NEEDS_PROFILE_FRAGMENT } from "./needs-profile.fragment";
import {
  ACCESSIBILITY_LABELS,
  AGE_BAND_LABELS,
  CONTACT_PREFERENCE_LABELS,
  GROUP_SIZE_LABELS,
  CERTIFICATE_LABELS,
  HOUSEHOLD_CIRCUMSTANCE_LABELS,
  HOUSEHOLD_ISSUE_LABELS,
  MOBILITY_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  PARTICIPATION_ROLE_LABELS,
  PERSON_TRACK_LABELS,
  RESOURCE_KIND_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BAND_LABELS,
  WEEKDAY_LABELS,
  formatCalendarDate,
  peopleMessages,
} from "../../messages";

export const PERSON_PROFILE_FRAGMENT = graphql(`
  fragment PersonProfile_person on Person {
    id
    nameKana
    track
    ageBand
    birthYear
    registeredOn
    participationLevel
    contactPreference
    contactNote
    householdIssues
    householdCircumstances
    householdNote
    certificates
    area {
      id
      name
    }
    coordinator {
      id
      displayName
    }
    needs {
      ...NeedsProfile_needs
    }
  }
`);

const t = peopleMessages.detail;

const list = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => labels[v] ?? v).join("、");

/** Only what was recorded: an empty item is left out rather than shown as a blank. */
function Item({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function PersonProfile({ person: personRef }: { person: FragmentType<typeof PERSON_PROFILE_FRAGMENT> }) {
  const person = useFragment(PERSON_PROFILE_FRAGMENT, personRef);
  const n = useFragment(NEEDS_PROFILE_FRAGMENT, person.needs);
  const household = [
    list(person.householdIssues, HOUSEHOLD_ISSUE_LABELS),
    list(person.householdCircumstances, HOUSEHOLD_CIRCUMSTANCE_LABELS),
    person.householdNote,
  ]
    .filter(Boolean)
    .join(" / ");
  return (
    <div className="profile">
      <dl className="facts">
        <Item term={t.kana}>{person.nameKana}</Item>
        <Item term={t.track}>{PERSON_TRACK_LABELS[person.track]}</Item>
        <Item term={t.ageBand}>
          {[
            person.ageBand ? AGE_BAND_LABELS[person.ageBand] : "",
            person.birthYear ? t.birthYear(person.birthYear) : "",
          ]
            .filter(Boolean)
            .join(" ")}
        </Item>
        <Item term={t.area}>{person.area?.name}</Item>
        <Item term={t.level}>{PARTICIPATION_LEVEL_LABELS[person.participationLevel]}</Item>
        <Item term={t.coordinator}>{person.coordinator?.displayName}</Item>
        <Item term={t.registeredOn}>{formatCalendarDate(person.registeredOn)}</Item>
        <Item term={t.contactPreference}>
          {person.contactPreference ? CONTACT_PREFERENCE_LABELS[person.contactPreference] : null}
        </Item>
        <Item term={t.contactNote}>{person.contactNote}</Item>
        <Item term={t.household}>{household}</Item>
        <Item term={t.certificates}>{list(person.certificates, CERTIFICATE_LABELS)}</Item>
      </dl>

      <h3>{t.needs}</h3>
      <dl className="facts">
        <Item term={t.wantedActivities}>{n.wantedActivities.join("、")}</Item>
        <Item term={t.wantedKinds}>{list(n.wantedKinds, RESOURCE_KIND_LABELS)}</Item>
        <Item term={t.targetGroups}>{list(n.targetGroups, TARGET_GROUP_LABELS)}</Item>
        <Item term={t.weekdays}>{list(n.weekdays, WEEKDAY_LABELS)}</Item>
        <Item term={t.timeBands}>{list(n.timeBands, TIME_BAND_LABELS)}</Item>
        <Item term={t.mobility}>{MOBILITY_LABELS[n.mobility]}</Item>
        <Item term={t.maxTravel}>{n.maxTravelMeters != null ? t.meters(n.maxTravelMeters) : null}</Item>
        <Item term={t.groupSize}>{GROUP_SIZE_LABELS[n.groupSize]}</Item>
        <Item term={t.roles}>{list(n.roles, PARTICIPATION_ROLE_LABELS)}</Item>
        <Item term={t.accessibility}>{list(n.accessibility, ACCESSIBILITY_LABELS)}</Item>
        <Item term={t.freeOnly}>{n.freeOnly ? t.freeOnlyYes : null}</Item>
        <Item term={t.wishes}>{n.wishes}</Item>
        <Item term={t.strengths}>{n.strengths}</Item>
        <Item term={t.otherPreferences}>{n.otherPreferences}</Item>
      </dl>
    </div>
  );
}
