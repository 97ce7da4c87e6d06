import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ConsentFact, ConsentMethod, ConsentPurpose } from "./consent.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

/**
 * 本人同意, one record per consent given. Never edited: a change is a new record, an end is a withdrawal, so the
 * history of what the person agreed to (and when they stopped) stays readable.
 */
@ObjectType({ description: "本人同意の記録" })
@Entity()
export class Consent {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  personId: string;

  @Field(() => ConsentPurpose)
  @Column("text")
  purpose: ConsentPurpose;

  /** HOST_REFERRAL to this organization only; null = any host (or not a referral consent). */
  @Index()
  @Column("uuid", { nullable: true })
  organizationId: string | null;

  @Field(() => [ConsentFact], { description: "伝えてよい事柄" })
  @Column("text", { array: true, default: () => "'{}'" })
  facts: ConsentFact[];

  @Field(() => ConsentMethod)
  @Column("text")
  method: ConsentMethod;

  @Field(() => LocalDate, { description: "同意を得た日 (YYYY-MM-DD)" })
  @Column("date")
  givenOn: string;

  @Field(() => LocalDate, { nullable: true, description: "有効期限 (この日まで有効)" })
  @Column("date", { nullable: true })
  expiresOn: string | null;

  @Column("uuid")
  recordedById: string;

  @Field(() => String, { description: "メモ (同意の範囲の補足)" })
  @Column("text", { default: "" })
  note: string;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { nullable: true })
  withdrawnAt: Date | null;

  @Column("uuid", { nullable: true })
  withdrawnById: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  withdrawalReason: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
