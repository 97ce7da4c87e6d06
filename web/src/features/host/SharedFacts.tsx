import { type FragmentType, graphql, useFragment } from "../../gql";
import type { HostPerson_PersonFragment } from "../../gql/graphql";
import {
  ACCESSIBILITY_LABELS,
  AGE_BAND_LABELS,
  CONTACT_PREFERENCE_LABELS,
  GROUP_SIZE_LABELS,
  HOUSEHOLD_CIRCUMSTANCE_LABELS,
  MOBILITY_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  TIME_BAND_LABELS,
  WEEKDAY_LABELS,
  hostMessages,
} from "../../messages";

/**
 * The person as a host sees them (ReferralPerson): the referral page and the coordinator's consent preview
 * (「この受け入れ先には次の内容が表示されます」) both render it with hostPersonRows, so they cannot differ.
 */
export const HOST_PERSON_FRAGMENT = graphql(`
  fragment HostPerson_person on ReferralPerson {
    displayName
    ageBand
    area {
      id
      name
    }
    contactPreference
    contactNote
    wantedActivities
    weekdays
    timeBands
    mobility
    groupSize
    accessibility
    wishes
    strengths
    participationLevel
    householdCircumstances
  }
`);

export const SHARED_FACTS_FRAGMENT = graphql(`
  fragment SharedFacts_referral on Referral {
    id
    sharedFacts
    person {
      ...HostPerson_person
    }
  }
`);

const t = hostMessages.referral;
/** Every fact a consent can release; when fewer were shared, one sentence says the rest was not. */
const ALL_FACTS = 8;

const joinLabels = <K extends string>(values: readonly K[] | null, labels: Record<K, string>) =>
  values && values.length ? values.map((v) => labels[v]).join("、") : null;

type HostPerson = HostPerson_PersonFragment;
const useHostPerson = (ref: FragmentType<typeof HOST_PERSON_FRAGMENT>): HostPerson =>
  useFragment(HOST_PERSON_FRAGMENT, ref);

/** The label/value rows of what the server returned for a host, leaving out what it did not fill. */
export function hostPersonRows(p: HostPerson): [string, string][] {
  const rows: [string, string | null][] = [
    [t.displayName, p.displayName ?? null],
    [t.ageBand, p.ageBand ? AGE_BAND_LABELS[p.ageBand] : null],
    [t.area, p.area?.name ?? null],
    [t.contactPreference, p.contactPreference ? CONTACT_PREFERENCE_LABELS[p.contactPreference] : null],
    [t.contactNote, p.contactNote || null],
    [t.wantedActivities, p.wantedActivities?.length ? p.wantedActivities.join("、") : null],
    [t.weekdays, joinLabels(p.weekdays ?? null, WEEKDAY_LABELS)],
    [t.timeBands, joinLabels(p.timeBands ?? null, TIME_BAND_LABELS)],
    [t.mobility, p.mobility ? MOBILITY_LABELS[p.mobility] : null],
    [t.groupSize, p.groupSize ? GROUP_SIZE_LABELS[p.groupSize] : null],
    [t.accessibility, joinLabels(p.accessibility ?? null, ACCESSIBILITY_LABELS)],
    [t.wishes, p.wishes || null],
    [t.strengths, p.strengths || null],
    [t.participationLevel, p.participationLevel ? PARTICIPATION_LEVEL_LABELS[p.participationLevel] : null],
    [t.householdCircumstances, joinLabels(p.householdCircumstances ?? null, HOUSEHOLD_CIRCUMSTANCE_LABELS)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

/** The rows as a definition list (nothing when empty). */
export function HostPersonFacts({ person }: { person: FragmentType<typeof HOST_PERSON_FRAGMENT> }) {
  const shown = hostPersonRows(useHostPerson(person));
  if (!shown.length) return null;
  return (
    <dl className="facts">
      {shown.map(([term, value]) => (
        <div className="fact" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * 共有された情報: only what the server returned (it fills a field only when an active consent releases it). Nothing
 * is shown for the rest — no empty rows, no 「非公開」 — just one sentence that other facts were not shared.
 */
export function SharedFacts({ referral: referralRef }: { referral: FragmentType<typeof SHARED_FACTS_FRAGMENT> }) {
  const referral = useFragment(SHARED_FACTS_FRAGMENT, referralRef);
  const shown = hostPersonRows(useHostPerson(referral.person));

  return (
    <section className="host-section" aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t.sharedHeading}</h2>
      {referral.sharedFacts.length === 0 ? (
        <p>{t.nothingShared}</p>
      ) : (
        <>
          {shown.length > 0 && <HostPersonFacts person={referral.person} />}
          {referral.sharedFacts.length < ALL_FACTS && <p className="host-note">{t.othersNotShared}</p>}
        </>
      )}
    </section>
  );
}
