import { Link } from "react-router";
import { type FragmentType, graphql, useFragment } from "../../gql";
import { formatCalendarDate, hostMessages as m, hostStageLabel } from "../../messages";
import { awaitsAnswer } from "./referral-answer";

export const HOST_REFERRAL_ROW_FRAGMENT = graphql(`
  fragment HostReferralRow_referral on Referral {
    id
    stage
    canRespond
    hostResponse
    referredOn
    resource {
      id
      name
    }
    person {
      displayName
    }
  }
`);

/** A referral in the list: who (only if the name was shared), to which activity, and whether a reply is awaited. */
export function HostReferralRow({
  referral: referralRef,
}: {
  referral: FragmentType<typeof HOST_REFERRAL_ROW_FRAGMENT>;
}) {
  const referral = useFragment(HOST_REFERRAL_ROW_FRAGMENT, referralRef);
  const name = referral.person.displayName;
  return (
    <li className="host-card">
      <h3 className="host-card__title">
        <Link to={`/host/referrals/${referral.id}`}>{m.referralLinkLabel(name, referral.resource.name)}</Link>
      </h3>
      <ul className="badges" role="list">
        {awaitsAnswer(referral) && <li className="badge badge--warn">{m.awaitingResponse}</li>}
        <li className="badge badge--cost">
          {m.stage}: {hostStageLabel(referral.stage)}
        </li>
      </ul>
      {referral.referredOn && (
        <p className="host-card__line">{m.referredOn(formatCalendarDate(referral.referredOn))}</p>
      )}
    </li>
  );
}
