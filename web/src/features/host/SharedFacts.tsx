import { type FragmentType, graphql, useFragment } from "../../gql";
import {
  ACCESSIBILITY_LABELS,
  AGE_BAND_LABELS,
  CONTACT_PREFERENCE_LABELS,
  GROUP_SIZE_LABELS,
  HOUSEHOLD_ISSUE_LABELS,
  MOBILITY_LABELS,
  PARTICIPATION_LEVEL_LABELS,
  TIME_BAND_LABELS,
  WEEKDAY_LABELS,
  hostMessages,
} from "../../messages";

export const SHARED_FACTS_FRAGMENT = graphql(`
  fragment SharedFacts_referral on Referral {
    id
    sharedFacts
    person {
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
      householdIssues
      householdNote
    }
  }
`);

const t = hostMessages.referral;
/** Every fact a consent can release; when fewer were shared, one sentence says the rest was not. */
const ALL_FACTS = 8;

const joinLabels = <K extends string>(values: readonly K[] | null, labels: Record<K, string>) =>
  values && values.length ? values.map((v) => labels[v]).join("、") : null;

/**
 * 共有された情報: only what the server returned (it fills a field only when an active consent releases it). Nothing
 * is shown for the rest — no empty rows, no 「非公開」 — just one sentence that other facts were not shared.
 */
export function SharedFacts({ referral: referralRef }: { referral: FragmentType<typeof SHARED_FACTS_FRAGMENT> }) {
  const referral = useFragment(SHARED_FACTS_FRAGMENT, referralRef);
  const p = referral.person;
  const rows: [string, string | null][] = [
    [t.displayName, p.displayName],
    [t.ageBand, p.ageBand ? AGE_BAND_LABELS[p.ageBand] : null],
    [t.area, p.area?.name ?? null],
    [t.contactPreference, p.contactPreference ? CONTACT_PREFERENCE_LABELS[p.contactPreference] : null],
    [t.contactNote, p.contactNote || null],
    [t.wantedActivities, p.wantedActivities?.length ? p.wantedActivities.join("、") : null],
    [t.weekdays, joinLabels(p.weekdays, WEEKDAY_LABELS)],
    [t.timeBands, joinLabels(p.timeBands, TIME_BAND_LABELS)],
    [t.mobility, p.mobility ? MOBILITY_LABELS[p.mobility] : null],
    [t.groupSize, p.groupSize ? GROUP_SIZE_LABELS[p.groupSize] : null],
    [t.accessibility, joinLabels(p.accessibility, ACCESSIBILITY_LABELS)],
    [t.wishes, p.wishes || null],
    [t.strengths, p.strengths || null],
    [t.participationLevel, p.participationLevel ? PARTICIPATION_LEVEL_LABELS[p.participationLevel] : null],
    [t.householdIssues, joinLabels(p.householdIssues, HOUSEHOLD_ISSUE_LABELS)],
    [t.householdNote, p.householdNote || null],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== null);

  return (
    <section className="host-section" aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t.sharedHeading}</h2>
      {referral.sharedFacts.length === 0 ? (
        <p>{t.nothingShared}</p>
      ) : (
        <>
          {shown.length > 0 && (
            <dl className="facts">
              {shown.map(([term, value]) => (
                <div className="fact" key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {referral.sharedFacts.length < ALL_FACTS && <p className="host-note">{t.othersNotShared}</p>}
        </>
      )}
    </section>
  );
}
