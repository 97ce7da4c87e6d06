import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { graphql } from "../../gql";
import { commonMessages, formatCalendarDate, hostMessages, hostStageLabel } from "../../messages";
import { parseGraphQLError } from "../../ui/graphql-errors";
import { AttendanceSection } from "./AttendanceSection";
import { ReferralResponse } from "./ReferralResponse";
import { SharedFacts } from "./SharedFacts";

const HOST_REFERRAL = graphql(`
  query HostReferral($id: ID!) {
    referral(id: $id) {
      id
      stage
      referredOn
      startedOn
      resource {
        id
        name
        scheduleText
      }
      canRespond
      hostResponse
      canRecordAttendance
      attendance {
        id
      }
      ...SharedFacts_referral
      ...ReferralResponse_referral
      ...AttendanceSection_referral
    }
  }
`);

const t = hostMessages.referral;

/** ご紹介: one person referred to this host, with only the facts they agreed to share; answer and attendance. */
export function HostReferralPage() {
  const { matchId = "" } = useParams();
  const { data, loading, error } = useQuery(HOST_REFERRAL, { variables: { id: matchId } });
  const back = (
    <p className="back-link">
      <Link to="/host">{t.backToPortal}</Link>
    </p>
  );

  if (loading && !data) return <p role="status">{commonMessages.loading}</p>;
  if (error || !data) {
    const notFound = error && parseGraphQLError(error).code === "NOT_FOUND";
    return (
      <>
        {back}
        <h1>{t.heading}</h1>
        <p className="notice notice--error" role="alert">
          {notFound ? t.notFound : commonMessages.loadError}
        </p>
      </>
    );
  }

  const referral = data.referral;
  return (
    <div className="host-page">
      {back}
      <h1>{t.heading}</h1>
      <dl className="facts host-summary">
        <div className="fact">
          <dt>{t.resource}</dt>
          <dd>
            <Link to={`/resources/${referral.resource.id}`}>{referral.resource.name}</Link>
          </dd>
        </div>
        <div className="fact">
          <dt>{t.stage}</dt>
          <dd>{hostStageLabel(referral.stage)}</dd>
        </div>
        {referral.referredOn && (
          <div className="fact">
            <dt>{t.referredOn}</dt>
            <dd>{formatCalendarDate(referral.referredOn)}</dd>
          </div>
        )}
        {referral.startedOn && (
          <div className="fact">
            <dt>{t.startedOn}</dt>
            <dd>{formatCalendarDate(referral.startedOn)}</dd>
          </div>
        )}
      </dl>
      <SharedFacts referral={referral} />
      {(referral.canRespond || referral.hostResponse) && <ReferralResponse referral={referral} />}
      {(referral.canRecordAttendance || referral.attendance.length > 0) && <AttendanceSection referral={referral} />}
    </div>
  );
}
