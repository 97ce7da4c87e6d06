import { type FragmentType, graphql, useFragment } from "../../gql";
import { formatDate, hostMessages } from "../../messages";

export const VERIFICATION_REQUEST_NOTICE_FRAGMENT = graphql(`
  fragment VerificationRequestNotice_request on VerificationRequest {
    id
    requestedAt
    requestedByName
    message
  }
`);

/** 「確認を依頼」 as the host sees it: when, from whom, and the coordinator's note; gone once the listing is verified. */
export function VerificationRequestNotice({
  request: ref,
}: {
  request: FragmentType<typeof VERIFICATION_REQUEST_NOTICE_FRAGMENT>;
}) {
  const request = useFragment(VERIFICATION_REQUEST_NOTICE_FRAGMENT, ref);
  return (
    <div className="notice notice--warn verification-request">
      <p>{hostMessages.verificationRequested(formatDate(request.requestedAt), request.requestedByName ?? null)}</p>
      {request.message && <p className="verification-request__message">{request.message}</p>}
    </div>
  );
}
