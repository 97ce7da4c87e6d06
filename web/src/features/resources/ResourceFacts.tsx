import type { ReactNode } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import type { ResourceFacts_ResourceFragment } from "../../gql/graphql";
import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  TARGET_GROUP_LABELS,
  TRANSPORT_OPTION_LABELS,
  searchMessages,
} from "../../messages";

export const RESOURCE_FACTS_FRAGMENT = graphql(`
  fragment ResourceFacts_resource on Resource {
    id
    targetGroups
    activities
    rolesOffered
    costPerSessionYen
    capacity
    openings
    visitAllowed
    trialAllowed
    homeBased
    visiting
    citywide
    eligibility {
      ageMin
      ageMax
      certificateRequired
      residenceRequired
      requiresSupportPlan
      referredCasesOnly
    }
    venueName
    address
    nearestStop
    transportOptions
    accessibility
    areas {
      id
      name
    }
    contactName
    contactPhone
    contactPhone2
    contactEmail
    organization {
      id
      name
      publicPhone
      publicEmail
      publicContactNote
    }
  }
`);

const t = searchMessages.detail;
const card = searchMessages.card;
const join = (values: readonly string[]) => values.join("、");

function Row({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function eligibilityText(e: ResourceFacts_ResourceFragment["eligibility"]): string {
  const parts = [
    t.ageRange(e.ageMin, e.ageMax),
    e.residenceRequired ? t.residenceRequired : "",
    e.certificateRequired ? t.certificateRequired : "",
    e.requiresSupportPlan ? t.requiresSupportPlan : "",
    e.referredCasesOnly ? t.referredCasesOnly : "",
  ].filter(Boolean);
  return parts.length ? join(parts) : t.noEligibility;
}

const TelLink = ({ number }: { number: string }) => <a href={`tel:${number.replace(/[^0-9+]/g, "")}`}>{number}</a>;

/** 参加について, 会場・アクセス and 問い合わせ先: label/value lists, leaving out what the listing does not say. */
export function ResourceFacts({ resource: rRef }: { resource: FragmentType<typeof RESOURCE_FACTS_FRAGMENT> }) {
  const r = useFragment(RESOURCE_FACTS_FRAGMENT, rRef);
  // The organization's 公開用の連絡先 only (its contact person's phone and e-mail are for staff).
  const phone = r.contactPhone ?? r.organization.publicPhone;
  const email = r.contactEmail ?? r.organization.publicEmail;
  return (
    <>
      <section className="detail-section" aria-labelledby="participation-heading">
        <h2 id="participation-heading">{t.participationHeading}</h2>
        <dl className="facts">
          <Row term={t.targetGroups}>{join(r.targetGroups.map((g) => TARGET_GROUP_LABELS[g]))}</Row>
          <Row term={t.activities}>{join(r.activities)}</Row>
          <Row term={t.roles}>{join(r.rolesOffered.map((role) => PARTICIPATION_ROLE_LABELS[role]))}</Row>
          <Row term={t.cost}>{r.costPerSessionYen === 0 ? card.free : card.costPerSession(r.costPerSessionYen)}</Row>
          <Row term={t.capacity}>{t.capacityValue(r.capacity, r.openings)}</Row>
          <Row term={t.visitTrial}>{t.visitTrialValue(r.visitAllowed, r.trialAllowed)}</Row>
          <Row term={t.eligibility}>{eligibilityText(r.eligibility)}</Row>
        </dl>
      </section>

      <section className="detail-section" aria-labelledby="place-heading">
        <h2 id="place-heading">{t.placeHeading}</h2>
        <dl className="facts">
          <Row term={t.venue}>{r.venueName}</Row>
          <Row term={t.address}>{r.address}</Row>
          <Row term={t.nearestStop}>{r.nearestStop}</Row>
          <Row term={t.transport}>{join(r.transportOptions.map((o) => TRANSPORT_OPTION_LABELS[o]))}</Row>
          <Row term={t.accessibility}>{join(r.accessibility.map((a) => ACCESSIBILITY_LABELS[a]))}</Row>
          <Row term={t.areas}>{r.citywide ? t.citywide : join(r.areas.map((a) => a.name))}</Row>
        </dl>
        {(r.homeBased || r.visiting) && (
          <ul className="badges" role="list">
            {r.homeBased && <li className="badge badge--cost">{t.homeBased}</li>}
            {r.visiting && <li className="badge badge--cost">{t.visiting}</li>}
          </ul>
        )}
      </section>

      <section className="detail-section" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t.contactHeading}</h2>
        <dl className="facts">
          <Row term={t.organization}>{r.organization.name}</Row>
          <Row term={t.contactName}>{r.contactName}</Row>
          <Row term={t.phone}>{phone ? <TelLink number={phone} /> : null}</Row>
          <Row term={t.phone2}>{r.contactPhone2 ? <TelLink number={r.contactPhone2} /> : null}</Row>
          <Row term={t.email}>{email ? <a href={`mailto:${email}`}>{email}</a> : null}</Row>
          <Row term={t.contactNote}>{r.organization.publicContactNote}</Row>
        </dl>
        {!phone && !r.contactPhone2 && !email && <p>{t.noContact}</p>}
      </section>
    </>
  );
}
