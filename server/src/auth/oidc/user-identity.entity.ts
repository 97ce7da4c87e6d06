import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { User } from "../user.entity.js";

/**
 * A staff account's identity at the city's identity provider: the issuer and its `sub` for the person, stored when
 * the account is first matched (by its verified e-mail), so a later change of e-mail at either end still finds it.
 * Nothing here is shown through GraphQL. One subject per account and issuer; one account per subject.
 */
@Entity("user_identity")
@Index("UQ_user_identity_issuer_subject", ["issuer", "subject"], { unique: true })
@Index("UQ_user_identity_user_issuer", ["userId", "issuer"], { unique: true })
export class UserIdentity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  userId: string;

  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn({ foreignKeyConstraintName: "fk_user_identity_user_id" })
  user?: User;

  @Column("text")
  issuer: string;

  @Column("text")
  subject: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column("timestamptz", { nullable: true })
  lastSignInAt: Date | null;
}
