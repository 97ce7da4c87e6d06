/**
 * Which tsunagu account an identity provider's sign-in belongs to. The provider proves who the person is; tsunagu
 * alone decides whether that person has an account and which role it has, so nobody is ever created here.
 */

/** Why a sign-in through the identity provider was refused (the login page names each in Japanese). */
export type OidcRefusal =
  /** No account has this subject, and no account has this (verified) e-mail. */
  | "UNKNOWN_USER"
  /** The provider sent an e-mail it has not verified, and no account has this subject yet. */
  | "EMAIL_NOT_VERIFIED"
  /** The account was deactivated in tsunagu. */
  | "INACTIVE"
  /** The e-mail's account is already linked to another subject at this provider. */
  | "LINKED_TO_OTHER"
  /** The answer does not belong to this browser's sign-in (state), or there was no sign-in under way. */
  | "STATE_MISMATCH"
  /** The provider answered with an error, or could not be reached or trusted. */
  | "PROVIDER_ERROR";

export const OIDC_REFUSALS: readonly OidcRefusal[] = [
  "UNKNOWN_USER",
  "EMAIL_NOT_VERIFIED",
  "INACTIVE",
  "LINKED_TO_OTHER",
  "STATE_MISMATCH",
  "PROVIDER_ERROR",
];

export interface CandidateAccount {
  id: string;
  active: boolean;
}

export interface MatchFacts {
  /** The account already linked to this issuer and subject, if any. */
  bySubject: CandidateAccount | null;
  /** The account whose e-mail is the provider's verified e-mail, if any, and the subject it is linked to already. */
  byEmail: (CandidateAccount & { linkedSubject: string | null }) | null;
  /** The provider's `email_verified` claim: only `true` counts. */
  emailVerified: boolean;
  /** Whether the provider sent an e-mail at all. */
  hasEmail: boolean;
}

export type MatchOutcome =
  { matched: true; userId: string; link: boolean } | { matched: false; reason: OidcRefusal; userId: string | null };

/**
 * The subject first (it survives a change of e-mail); else the verified e-mail, whose account is then linked to the
 * subject. A deactivated account is refused either way; an account linked to another subject is not taken over.
 */
export function matchAccount(f: MatchFacts): MatchOutcome {
  if (f.bySubject) {
    return f.bySubject.active
      ? { matched: true, userId: f.bySubject.id, link: false }
      : { matched: false, reason: "INACTIVE", userId: f.bySubject.id };
  }
  if (f.hasEmail && !f.emailVerified) return { matched: false, reason: "EMAIL_NOT_VERIFIED", userId: null };
  if (!f.byEmail) return { matched: false, reason: "UNKNOWN_USER", userId: null };
  if (f.byEmail.linkedSubject !== null) return { matched: false, reason: "LINKED_TO_OTHER", userId: f.byEmail.id };
  if (!f.byEmail.active) return { matched: false, reason: "INACTIVE", userId: f.byEmail.id };
  return { matched: true, userId: f.byEmail.id, link: true };
}

/** A same-site path to return to after signing in (`/people?x=1`), never another site (`//evil`, `https://…`). */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 500) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return /^[\x21-\x7e]*$/.test(value) ? value : null;
}
