import { Fragment } from "react";

/** Text from the search engine split into segments; the ones matching the query are marked. */
export function Highlighted({
  segments,
  fallback,
}: {
  segments: readonly { match: boolean; text: string }[];
  fallback?: string;
}) {
  if (segments.length === 0) return <>{fallback ?? ""}</>;
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
      )}
    </>
  );
}
