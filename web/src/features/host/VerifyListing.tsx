import { useState } from "react";
import { formatDate, hostMessages } from "../../messages";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";
import { Verification } from "../resources/Verification";
import { useVerifyListing } from "./use-verify-listing";

const t = hostMessages.listing;

/** 「掲載内容を確認しました」 and 最終確認日: one press tells coordinators the listing is current. */
export function VerifyListing({ resourceId, verifiedAt }: { resourceId: string; verifiedAt: string | null }) {
  const [verify, { loading }] = useVerifyListing();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ParsedError | null>(null);

  const press = async () => {
    setError(null);
    setDone(false);
    try {
      await verify({ variables: { input: { id: resourceId } } });
      setDone(true);
    } catch (e) {
      setError(parseGraphQLError(e));
    }
  };

  return (
    <section className="host-section" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t.verifyHeading}</h2>
      <dl className="facts">
        <div className="fact">
          <dt>{t.lastVerified}</dt>
          <dd>{verifiedAt ? <time dateTime={verifiedAt}>{formatDate(verifiedAt)}</time> : t.neverVerified}</dd>
        </div>
      </dl>
      <Verification verifiedAt={verifiedAt} />
      <p>{t.verifyLead}</p>
      <p>
        <button type="button" className="button button--large" onClick={() => void press()} disabled={loading}>
          {loading ? t.verifying : t.verify}
        </button>
      </p>
      <p role="status">{done ? t.verified : ""}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
