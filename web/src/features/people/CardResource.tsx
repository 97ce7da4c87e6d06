import { type FragmentType, graphql, useFragment } from "../../gql";
import { ACCESSIBILITY_LABELS, TRANSPORT_OPTION_LABELS, peopleMessages, yen } from "../../messages";

export const CARD_RESOURCE_FRAGMENT = graphql(`
  fragment CardResource_resource on Resource {
    id
    name
    description
    scheduleText
    nextSessions(count: 3) {
      date
      label
    }
    venueName
    address
    nearestStop
    transportOptions
    accessibility
    costPerSessionYen
    contactName
    contactPhone
    organization {
      id
      name
      publicPhone
    }
  }
`);

const t = peopleMessages.card;

/**
 * One place on the printed card, in words a resident can follow without a map: when, where, how to get there,
 * what it costs and whom to call.
 */
export function CardResource({ resource: rRef }: { resource: FragmentType<typeof CARD_RESOURCE_FRAGMENT> }) {
  const r = useFragment(CARD_RESOURCE_FRAGMENT, rRef);
  const headingId = `card-resource-${r.id}`;
  // The card goes home with the person: the organization's 公開用の連絡先, never its contact person's own phone.
  const phone = r.contactPhone ?? r.organization.publicPhone;
  const access = [
    r.nearestStop ? t.nearestStop(r.nearestStop) : "",
    r.transportOptions.map((o) => TRANSPORT_OPTION_LABELS[o]).join("・"),
  ].filter(Boolean);
  const facilities = r.accessibility.map((a) => ACCESSIBILITY_LABELS[a]).join("・");

  return (
    <article className="card-resource" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-resource__name">
        {r.name}
      </h2>
      {r.description && <p className="card-resource__description">{r.description}</p>}
      <dl className="card-resource__facts">
        <div>
          <dt>{t.schedule}</dt>
          <dd>{r.scheduleText || "—"}</dd>
        </div>
        <div>
          <dt>{t.nextSessions}</dt>
          <dd>
            {r.nextSessions.length ? (
              <ul className="plain-list">
                {r.nextSessions.map((s) => (
                  <li key={s.date}>
                    <time dateTime={s.date}>{s.label}</time>
                  </li>
                ))}
              </ul>
            ) : (
              t.noNextSessions
            )}
          </dd>
        </div>
        <div>
          <dt>{t.place}</dt>
          <dd>{[r.venueName, r.address].filter(Boolean).join(" ") || "—"}</dd>
        </div>
        {access.length > 0 && (
          <div>
            <dt>{t.access}</dt>
            <dd>{access.join(" / ")}</dd>
          </div>
        )}
        {facilities && (
          <div>
            <dt>{t.facilities}</dt>
            <dd>{facilities}</dd>
          </div>
        )}
        <div>
          <dt>{t.cost}</dt>
          <dd>{r.costPerSessionYen === 0 ? t.free : t.costPerSession(yen.format(r.costPerSessionYen))}</dd>
        </div>
        <div>
          <dt>{t.contact}</dt>
          <dd>
            {[r.organization.name, r.contactName].filter(Boolean).join(" ")}
            {phone && (
              <>
                {" "}
                <a href={`tel:${phone}`} className="card-resource__phone">
                  {phone}
                </a>
              </>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}
