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
}
