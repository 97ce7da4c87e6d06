import { Field, ID, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { UserRole } from "../core/roles.js";
import { Organization } from "../organizations/organization.entity.js";

@ObjectType({ description: "tsunagu の利用者 (職員・受け入れ先)" })
@Entity("app_user")
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Stored lower-cased; the login id. */
  @Field(() => String)
  @Index({ unique: true })
  @Column("text")
  email: string;

  @Field(() => String)
  @Column("text")
  displayName: string;

  @Field(() => UserRole)
  @Column("text")
  role: UserRole;

  /** Required for HOST users: the organization whose listings and referrals they manage. */
  @Field(() => ID, { nullable: true })
  @Column("uuid", { nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn()
  organization?: Organization | null;

  @Field(() => Boolean)
  @Column("boolean", { default: true })
  active: boolean;

  /** Set when an ADMIN issues a temporary password: until it is changed, the user can do nothing else. */
  @Field(() => Boolean, { description: "仮パスワードのまま (変更するまでほかの操作はできない)" })
  @Column("boolean", { default: false })
  mustChangePassword: boolean;

  /** Mirrors a confirmed TOTP secret in user_credential, so the session check needs no second table. */
  @Field(() => Boolean, { description: "二段階認証 (確認コード) を設定済み" })
  @Column("boolean", { default: false })
  twoFactorEnabled: boolean;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}

/** Secrets live apart from the GraphQL-visible user: this class has no @ObjectType and no resolver returns it. */
@Entity()
export class UserCredential {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index({ unique: true })
  @Column("uuid")
  userId: string;

  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn()
  user?: User;

  /** argon2id PHC string */
  @Column("text")
  passwordHash: string;

  @Column("timestamptz", { default: () => "now()" })
  passwordChangedAt: Date;

  /** The confirmed TOTP key (base32). Never a GraphQL field; shown once, at enrolment. */
  @Column("text", { nullable: true })
  totpSecret: string | null;

  /** A key generated for an enrolment not yet confirmed by a first code. */
  @Column("text", { nullable: true })
  totpPendingSecret: string | null;

  /** The last TOTP step accepted: a code of this step or an earlier one is refused (no replay). */
  @Column("bigint", { nullable: true })
  totpLastStep: string | null;
}

/** One-time recovery codes (ten at enrolment), argon2id-hashed like passwords; used_at set when spent. */
@Entity()
export class UserRecoveryCode {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  userId: string;

  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn()
  user?: User;

  @Column("text")
  codeHash: string;

  @Column("timestamptz", { nullable: true })
  usedAt: Date | null;
}

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a database dump does not
 * hand out live sessions. Sessions live here, not in memory, so several app instances can share them.
 */
@Entity("user_session")
export class UserSession {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index({ unique: true })
  @Column("text")
  tokenHash: string;

  @Index()
  @Column("uuid")
  userId: string;

  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn()
  user?: User;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column("timestamptz")
  expiresAt: Date;

  @Column("timestamptz", { default: () => "now()" })
  lastSeenAt: Date;

  @Column("text", { nullable: true })
  clientAddress: string | null;

  @Column("text", { nullable: true })
  userAgent: string | null;

  /** 「ログインしたままにする」: the cookie outlives the browser, up to expiresAt; no idle timeout. */
  @Column("boolean", { default: false })
  persistent: boolean;
}
