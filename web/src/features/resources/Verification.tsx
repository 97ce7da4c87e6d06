import { dayOf, daysBetween } from "@tsunagu/calendar";
import { formatDate, searchMessages } from "../../messages";

/** A listing not confirmed by a person for this long is flagged: opening days and openings go out of date. */
export const STALE_AFTER_DAYS = 180;

const t = searchMessages.verification;

/**
 * How long ago a person confirmed the listing (「確認から 12日」), with a 「要確認」 badge and a sentence past 180 days.
 * The warning is words as well as colour, so it survives a monochrome printout and reaches a screen reader.
 */
export function Verification({ verifiedAt, now = new Date() }: { verifiedAt: string | null; now?: Date }) {
  if (!verifiedAt) {
    return (
      <p className="verification verification--stale">
        <strong className="badge badge--warn">{t.staleBadge}</strong> <span>{t.notVerified}</span>
      </p>
    );
  }
  const days = Math.max(0, daysBetween(dayOf(verifiedAt), dayOf(now)));
  const stale = days > STALE_AFTER_DAYS;
  return (
    <p className={stale ? "verification verification--stale" : "verification"}>
      {stale && (
        <>
          <strong className="badge badge--warn">{t.staleBadge}</strong>{" "}
        </>
      )}
      <span>{t.daysAgo(days)}</span>{" "}
      <span className="verification__date">
        (<time dateTime={verifiedAt}>{t.on(formatDate(verifiedAt))}</time>)
      </span>
      {stale && (
        <>
          {" "}
          <span className="verification__warning">{t.staleText}</span>
        </>
      )}
    </p>
  );
}
