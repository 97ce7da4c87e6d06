import { ConsentFact, ConsentPurpose, ConsentState } from "./consent.enums.js";

export interface ConsentLike {
  purpose: ConsentPurpose;
  organizationId: string | null;
  facts: ConsentFact[];
  givenOn: string;
  expiresOn: string | null;
  withdrawnAt: Date | null;
}

/** Dates are JST calendar days (YYYY-MM-DD); a consent is valid through its expiry day. */
export function consentState(c: ConsentLike, today: string): ConsentState {
  if (c.withdrawnAt) return ConsentState.WITHDRAWN;
  if (c.expiresOn && c.expiresOn < today) return ConsentState.EXPIRED;
  return ConsentState.ACTIVE;
}

const isActive = (c: ConsentLike, today: string) =>
  consentState(c, today) === ConsentState.ACTIVE && c.givenOn <= today;

/** A referral consent that names this host, or any host. */
export const coversHost = (c: ConsentLike, organizationId: string, today: string): boolean =>
  isActive(c, today) &&
  c.purpose === ConsentPurpose.HOST_REFERRAL &&
  (c.organizationId === null || c.organizationId === organizationId);

/** The facts this host may see now: the union over the active consents covering it. Empty when there is none. */
export function factsForHost(consents: ConsentLike[], organizationId: string, today: string): Set<ConsentFact> {
  const facts = new Set<ConsentFact>();
  for (const c of consents) if (coversHost(c, organizationId, today)) c.facts.forEach((f) => facts.add(f));
  return facts;
}

export const hasHostConsent = (consents: ConsentLike[], organizationId: string, today: string): boolean =>
  consents.some((c) => coversHost(c, organizationId, today));

/** Any active consent moves a person off the 支援会議 track. */
export const hasAnyActiveConsent = (consents: ConsentLike[], today: string): boolean =>
  consents.some((c) => isActive(c, today));
