import type { DataSource } from "typeorm";
import type { OidcSettings } from "../../config.js";
import { DomainError } from "../../core/errors.js";
import type { AuthService, NewSession, SessionMeta } from "../auth.service.js";
import { User } from "../user.entity.js";
import { OidcClient, type PendingSignIn, type ProviderIdentity } from "./oidc.client.js";
import { matchAccount, type MatchOutcome, type OidcRefusal } from "./oidc.policy.js";
import { UserIdentity } from "./user-identity.entity.js";

export type OidcOutcome =
  | ({ ok: true; user: User; next: string | null; linked: boolean } & NewSession)
  | { ok: false; reason: OidcRefusal; userId: string | null; error?: unknown };

/**
 * Sign-in through the city's identity provider. Disabled (every method refuses) unless OIDC_* is configured. The
 * session is the one a password sign-in gets (AuthService.createSession); roles stay tsunagu's own.
 */
export class OidcService {
  private readonly client: OidcClient | null;

  constructor(
    private readonly db: DataSource,
    private readonly auth: AuthService,
    settings: OidcSettings | null,
  ) {
    this.client = settings ? new OidcClient(settings) : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** The provider's authorization URL, and what this browser must keep until the provider sends it back. */
  begin(next: string | null): Promise<{ url: URL; pending: PendingSignIn }> {
    return this.requireClient().authorizationUrl(next);
  }

  /**
   * The provider's answer (the callback's query): checked against this browser's pending sign-in, exchanged for the person's identity,
   * matched to an account (oidc.policy.ts), and turned into a session. `replacing` is the session the browser had: it
   * is ended, as a password sign-in ends it.
   */
  async complete(
    answer: URLSearchParams,
    pending: PendingSignIn | null,
    meta: SessionMeta,
    replacing: string | null,
  ): Promise<OidcOutcome> {
    const client = this.requireClient();
    const state = answer.get("state");
    // Checked before anything is sent to the provider: an answer meant for another browser (or a forged one) ends here.
    if (!pending || !state || state !== pending.state) return { ok: false, reason: "STATE_MISMATCH", userId: null };
    let identity: ProviderIdentity;
    try {
      identity = await client.identityFor(answer, pending);
    } catch (error) {
      return { ok: false, reason: "PROVIDER_ERROR", userId: null, error };
    }
    const outcome = await this.accountFor(identity);
    if (!outcome.matched) return { ok: false, reason: outcome.reason, userId: outcome.userId };

    const user = await this.db.getRepository(User).findOneByOrFail({ id: outcome.userId });
    const previous = await this.auth.viewerForToken(replacing);
    if (previous) await this.auth.logout(previous);
    const session = await this.auth.createSession(user.id, meta);
    return { ok: true, user, next: pending.next, linked: outcome.link, ...session };
  }

  /**
   * The account `identity` signs in to (oidc.policy.ts), linked to the identity on its first sign-in. Two first
   * sign-ins of one person can arrive at once (two devices, or a request retried by a proxy): both see no link, and the
   * second insert meets the first's row in a unique index. Its insert then does nothing (ON CONFLICT DO NOTHING waits
   * for the first to commit), and the match is decided again from what is now committed: the same account through
   * the new link, or a refusal if another subject took the e-mail's account meanwhile. Never a unique-violation 500.
   */
  async accountFor(identity: ProviderIdentity): Promise<MatchOutcome> {
    // The second look finds the committed row and links nothing, so it inserts plainly: a conflict there would be a
    // bug, not a race, and is left to fail loudly.
    return (await this.matchAndLink(identity, true)) ?? (await this.matchAndLink(identity, false))!;
  }

  /** One look at what is committed, and the link if it is the first sign-in; null when another request linked first. */
  private matchAndLink(identity: ProviderIdentity, ignoreConflict: boolean): Promise<MatchOutcome | null> {
    return this.db.transaction(async (tx) => {
      const linked = await tx
        .getRepository(UserIdentity)
        .findOne({ where: { issuer: identity.issuer, subject: identity.subject }, relations: { user: true } });
      const byEmail = identity.email ? await tx.getRepository(User).findOneBy({ email: identity.email }) : null;
      const emailLink = byEmail
        ? await tx.getRepository(UserIdentity).findOneBy({ userId: byEmail.id, issuer: identity.issuer })
        : null;
      // Each read sees what is committed when it runs: a concurrent first sign-in of this same identity can commit its
      // link after the first read and before the third. The e-mail's account is then linked to this very subject.
      const link = linked ?? (emailLink?.subject === identity.subject ? emailLink : null);
      const match = matchAccount({
        bySubject: linked?.user ?? (link ? byEmail : null),
        byEmail: byEmail ? { id: byEmail.id, active: byEmail.active, linkedSubject: emailLink?.subject ?? null } : null,
        emailVerified: identity.emailVerified,
        hasEmail: identity.email !== null,
      });
      if (!match.matched) return match;
      if (!match.link) {
        await tx.getRepository(UserIdentity).update({ id: link!.id }, { lastSignInAt: () => "now()" });
        return match;
      }
      const insert = tx
        .createQueryBuilder()
        .insert()
        .into(UserIdentity)
        .values({
          userId: match.userId,
          issuer: identity.issuer,
          subject: identity.subject,
          lastSignInAt: () => "now()",
        })
        .returning("id");
      const inserted = await (ignoreConflict ? insert.orIgnore() : insert).execute();
      return (inserted.raw as unknown[]).length > 0 ? match : null;
    });
  }

  private requireClient(): OidcClient {
    // The routes answer 404 before this when OIDC_* is not configured.
    if (!this.client) throw new DomainError("NOT_FOUND", "自治体のアカウントでのログインは設定されていません");
    return this.client;
  }
}
