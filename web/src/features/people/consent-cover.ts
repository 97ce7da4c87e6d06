import type { ConsentPurpose } from "../../gql/graphql";

/** What the cover rule reads of a consent (a subset of the API's Consent). */
export interface ConsentCoverFields {
  purpose: ConsentPurpose;
  organization?: { id: string } | null;
  givenOn: string;
  expiresOn?: string | null;
  withdrawnAt?: unknown;
}

/**
 * A referral consent that names this host, or any host, in force on `today` (a JST "YYYY-MM-DD"): given by then, not
 * withdrawn, not past its expiry day. The same rule as the server's coversHost (server/src/people/consent.policy.ts),
 * which refuses 受け入れ先調整 without one; here it only decides whether to say so before the button is pressed.
 */
export function coversHost(c: ConsentCoverFields, organizationId: string, today: string): boolean {
  if (c.withdrawnAt) return false;
  if (c.expiresOn && c.expiresOn < today) return false;
  return (
    c.givenOn <= today && c.purpose === "HOST_REFERRAL" && (!c.organization || c.organization.id === organizationId)
  );
}

export const hasHostConsent = (
  consents: readonly ConsentCoverFields[],
  organizationId: string,
  today: string,
): boolean => consents.some((c) => coversHost(c, organizationId, today));
