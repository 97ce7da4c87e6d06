import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * Failed sign-ins per account and per client address, in PostgreSQL so that the count survives restarts and is shared
 * by every app instance. The key holds a hash, not the email or address itself: the table is about attempts, and an
 * attacker's guesses (or a user's password typed into the email field) should not sit here in clear.
 */
@Entity("sign_in_throttle")
export class SignInThrottle {
  /** `pair:<sha256(email, address)>`, `address:<sha256(address)>` or `account:<sha256(email)>` (slowdown only) */
  @PrimaryColumn("text")
  key: string;

  /** Attempts in the current window that did not succeed (an attempt in progress counts until it succeeds). */
  @Column("integer", { default: 0 })
  failures: number;

  @Index("sign_in_throttle_window")
  @Column("timestamptz", { default: () => "now()" })
  windowStartedAt: Date;

  @Column("timestamptz", { nullable: true })
  lockedUntil: Date | null;
}
