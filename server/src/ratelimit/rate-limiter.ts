import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Viewer } from "../core/viewer.js";

/** At most `points` requests per `windowSeconds`, counted from the first request of the window. */
export interface RateRule {
  points: number;
  windowSeconds: number;
}

export interface RateLimits {
  /** Every request without a session, per client address: residents browsing the directory. */
  anonymous: RateRule;
  /** Every request with a session, per user (staff at work click a lot; a shared office NAT does not matter here). */
  user: RateRule;
  /** Sign-in attempts per client address, on top of the rule above (the password check is the expensive part). */
  signIn: RateRule;
  /**
   * Requests to /auth/oidc/* per client address (a sign-in through the city's identity provider is two: start and
   * callback). Each one makes tsunagu call the provider, which is what a flood would spend.
   */
  oidc: RateRule;
}

/** The defaults; RATE_LIMIT_* in config.ts. */
export const RATE_LIMITS: RateLimits = {
  anonymous: { points: 60, windowSeconds: 60 },
  user: { points: 600, windowSeconds: 60 },
  signIn: { points: 10, windowSeconds: 60 },
  oidc: { points: 20, windowSeconds: 60 },
};

export interface RateDecision {
  allowed: boolean;
  /** Requests counted in the current window, this one included (refused ones count too). */
  points: number;
  /** Until the window ends. */
  retryAfterSeconds: number;
}

/** A stale counter says nothing; rows are cleared every this many requests of one instance. */
const PRUNE_EVERY = 1000;

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

export const rateLimitedMessage = (seconds: number) =>
  `アクセスが集中しているため、受け付けられませんでした。約${seconds}秒後にもう一度お試しください。`;

/**
 * An answer with HTTP 429 and Retry-After, thrown before anything runs (so nothing is read, written or audited). The
 * DomainError inside gives the client its code, message and retryAfterSeconds through formatError.
 */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const domain = new DomainError("RATE_LIMITED", rateLimitedMessage(seconds), [], { retryAfterSeconds: seconds });
  return new GraphQLError(domain.message, {
    originalError: domain,
    extensions: {
      code: "RATE_LIMITED",
      http: { status: 429, headers: new Map([["retry-after", String(seconds)]]) },
    },
  });
}

/**
 * Fixed-window request counters in PostgreSQL, so that every app instance on the database shares them (and a
 * restart does not hand out a fresh allowance). One upsert per request; the row lock taken by ON CONFLICT counts
 * parallel requests one after another, so a burst cannot slip past the limit.
 *
 * Why not rate-limiter-flexible's RateLimiterPostgres: it creates and alters its table itself at start-up, outside the
 * migrations (schema changes here are migrations only), talks to `pg` beside the app's TypeORM pool, and would add a
 * dependency for what is this one statement, the same shape as sign_in_throttle's (auth/sign-in-throttle.ts).
 */
export class RateLimiter {
  private calls = 0;

  constructor(
    private readonly db: DataSource,
    readonly limits: RateLimits = RATE_LIMITS,
    private readonly logger?: Logger,
  ) {}

  /** Counts one request on `key` (stored hashed: the table holds no address or user id in clear). */
  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    if (++this.calls % PRUNE_EVERY === 0) void this.prune();
    const [row] = await this.db.query(
      `INSERT INTO rate_limit AS r (key, points, resets_at) VALUES ($1, 1, now() + $2::int * interval '1 second')
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.points + 1 END,
         resets_at = CASE WHEN r.resets_at <= now() THEN now() + $2::int * interval '1 second' ELSE r.resets_at END
       RETURNING points, greatest(1, ceil(extract(epoch FROM resets_at - now())))::int AS retry_after`,
      [sha256(key), rule.windowSeconds],
    );
    const points = Number(row.points);
    return { allowed: points <= rule.points, points, retryAfterSeconds: Number(row.retry_after) };
  }

  /** One GraphQL request over HTTP: per user when signed in, else per client address. Throws RATE_LIMITED (429). */
  async checkRequest(viewer: Viewer | null, clientAddress: string | null): Promise<void> {
    const decision = viewer
      ? await this.consume(`user:${viewer.userId}`, this.limits.user)
      : await this.consume(`anonymous:${clientAddress ?? "unknown"}`, this.limits.anonymous);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }

  /** One sign-in attempt from `clientAddress`. Throws RATE_LIMITED (429). */
  async checkSignIn(clientAddress: string | null): Promise<void> {
    const decision = await this.consume(`sign-in:${clientAddress ?? "unknown"}`, this.limits.signIn);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }

  /** One request to /auth/oidc/* from `clientAddress`: the decision, for a route that answers with a page, not GraphQL. */
  consumeOidc(clientAddress: string | null): Promise<RateDecision> {
    return this.consume(`oidc:${clientAddress ?? "unknown"}`, this.limits.oidc);
  }

  /** Counters whose window ended a while ago (an hour: longer than any window) are dropped. */
  async prune(): Promise<void> {
    try {
      await this.db.query("DELETE FROM rate_limit WHERE resets_at < now() - interval '1 hour'");
    } catch (err) {
      this.logger?.warn({ err }, "rate limit: could not clear old counters");
    }
  }
}
