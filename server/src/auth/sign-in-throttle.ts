import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { DomainError } from "../core/errors.js";

export interface ThrottleRule {
  /** This many failures within `windowMinutes` lock the key… */
  maxFailures: number;
  windowMinutes: number;
  /** …for this long. While locked, even the right password is refused. */
  lockMinutes: number;
}

/** Failures on one account from everywhere, which slow every attempt on it down instead of locking it. */
export interface AccountSlowdown {
  /** Failures within `windowMinutes` before attempts on the account are slowed… */
  afterFailures: number;
  windowMinutes: number;
  /** …by this much per failure beyond, up to `maxDelayMs`. */
  stepMs: number;
  maxDelayMs: number;
}

export interface SignInLimits {
  /**
   * Guessing one account's password from one client address: the pair is locked, so brute force from there is
   * refused even with the right password, while the owner elsewhere can still sign in.
   */
  pair: ThrottleRule;
  /** Trying many accounts from one address (password spraying). Higher: a city office may sit behind one NAT. */
  address: ThrottleRule;
  /**
   * Guessing one account from many addresses: a lock here would let anyone lock anyone out (an administrator
   * too) with a few wrong passwords, so the account is only slowed down, for everyone, while failures pile up.
   */
  account: AccountSlowdown;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  pair: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
  account: { afterFailures: 10, windowMinutes: 15, stepMs: 250, maxDelayMs: 5_000 },
};

/** The web client relies on `extensions.reason` (and `retryAfterSeconds` when LOCKED); see README. */
export const invalidCredentials = () =>
  new DomainError("UNAUTHENTICATED", "メールアドレスまたはパスワードが正しくありません", [], {
    reason: "INVALID_CREDENTIALS",
  });

export const lockedOut = (retryAfterSeconds: number) =>
  new DomainError(
    "UNAUTHENTICATED",
    `ログインの失敗が続いたため、一時的にログインできません。約${Math.max(1, Math.ceil(retryAfterSeconds / 60))}分後にもう一度お試しください。`,
    [],
    { reason: "LOCKED", retryAfterSeconds },
  );

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

interface Reserved {
  key: string;
  rule: ThrottleRule;
  failures: number;
}

/** One password check in progress: it counts as a failure until `succeeded()` says otherwise. */
export interface SignInAttempt {
  /** How long this attempt was held back before its password was checked (the account's slowdown). */
  delayMs: number;
  /** Records the failure; returns the error to throw (LOCKED when this failure reached a limit). */
  failed(): Promise<DomainError>;
  succeeded(): Promise<void>;
  /**
   * Neither: the password was right but a second factor is still to come. The attempt is given back everywhere, and
   * the pair's count is not reset (a success would reset it between code guesses).
   */
  abandoned(): Promise<void>;
}

/**
 * Rate limiting and lockout in PostgreSQL, shared by every app instance and kept across restarts: per account and
 * client address together (locked after a few failures), per address (locked after many, across accounts), and per
 * account from everywhere (slowed down, never locked). An attempt is counted *before* the password is checked (and
 * un-counted when it succeeds), so that a burst of parallel guesses cannot all slip in before the first failure is
 * written.
 */
export class SignInThrottle {
  constructor(
    private readonly db: DataSource,
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {}

  /** Throws LOCKED if the pair or the address is locked; otherwise counts the attempt, and waits if the account is slowed. */
  async begin(email: string, clientAddress: string | null): Promise<SignInAttempt> {
    const account = email.trim().toLowerCase();
    const from = clientAddress ?? "unknown";
    const pair = await this.reserve(`pair:${sha256(`${account}\u0000${from}`)}`, this.limits.pair);
    if (pair.lockedSeconds !== null) throw lockedOut(pair.lockedSeconds);
    const reserved: Reserved[] = [pair];
    if (clientAddress) {
      const address = await this.reserve(`address:${sha256(clientAddress)}`, this.limits.address);
      if (address.lockedSeconds !== null) {
        await this.release(pair);
        throw lockedOut(address.lockedSeconds);
      }
      reserved.push(address);
    }
    // More attempts in flight than the limit allows (a parallel burst): lock now, without checking the password.
    const over = reserved.filter((r) => r.failures > r.rule.maxFailures);
    if (over.length) throw lockedOut(await this.lock(over));

    const slowdown = this.limits.account;
    const everywhere = await this.reserve(`account:${sha256(account)}`, {
      ...slowdown,
      maxFailures: 0,
      lockMinutes: 0,
    });
    const beyond = everywhere.failures - 1 - slowdown.afterFailures;
    const delayMs = beyond > 0 ? Math.min(slowdown.maxDelayMs, beyond * slowdown.stepMs) : 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

    return {
      delayMs,
      failed: async () => {
        const reached = reserved.filter((r) => r.failures >= r.rule.maxFailures);
        return reached.length ? lockedOut(await this.lock(reached)) : invalidCredentials();
      },
      succeeded: async () => {
        // The pair starts afresh (this client knows the password); the address and the account only give back this
        // attempt: one valid account must not reset a sprayer's count, and the owner signing in must not lift the
        // slowdown on guesses coming from elsewhere.
        await this.db.query("DELETE FROM sign_in_throttle WHERE key = $1", [pair.key]);
        for (const r of [...reserved.slice(1), everywhere]) await this.release(r);
        await this.prune();
      },
      abandoned: async () => {
        for (const r of [...reserved, everywhere]) await this.release(r);
      },
    };
  }

  /**
   * Counts an attempt on `key` unless it is locked, in one statement: the row lock taken by ON CONFLICT serializes
   * concurrent attempts, so no request can pass between "is it locked?" and "count me".
   */
  private async reserve(key: string, rule: ThrottleRule): Promise<Reserved & { lockedSeconds: number | null }> {
    const [row] = await this.db.query(
      `INSERT INTO sign_in_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.locked_until > now() THEN t.failures
                         WHEN t.window_started_at <= now() - $2::float8 * interval '1 minute' THEN 1
                         ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.locked_until > now() THEN t.window_started_at
                                  WHEN t.window_started_at <= now() - $2::float8 * interval '1 minute' THEN now()
                                  ELSE t.window_started_at END
       RETURNING failures,
         CASE WHEN locked_until > now() THEN greatest(1, ceil(extract(epoch FROM locked_until - now())))::int END AS locked_seconds`,
      [key, rule.windowMinutes],
    );
    return {
      key,
      rule,
      failures: Number(row.failures),
      lockedSeconds: row.locked_seconds == null ? null : Number(row.locked_seconds),
    };
  }

  /** Gives back an attempt that turned out not to be a failure. */
  private async release({ key }: Reserved): Promise<void> {
    await this.db.query("UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1", [key]);
  }

  /** Locks the keys and starts their count afresh (so the lock ends cleanly); returns the seconds to wait. */
  private async lock(keys: Reserved[]): Promise<number> {
    let seconds = 0;
    for (const { key, rule } of keys) {
      const [[row]] = await this.db.query(
        `UPDATE sign_in_throttle
         SET locked_until = greatest(coalesce(locked_until, now()), now() + $2::float8 * interval '1 minute'), failures = 0, window_started_at = now()
         WHERE key = $1 RETURNING ceil(extract(epoch FROM locked_until - now()))::int AS seconds`,
        [key, rule.lockMinutes],
      );
      seconds = Math.max(seconds, Number(row?.seconds ?? rule.lockMinutes * 60));
    }
    return seconds;
  }

  /** Rows whose window and lock are long over say nothing any more. */
  private async prune(): Promise<void> {
    await this.db.query(
      `DELETE FROM sign_in_throttle
       WHERE window_started_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`,
    );
  }
}
