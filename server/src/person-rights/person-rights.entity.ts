import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * 訂正の履歴: one row per field a correction changed (correctPerson), with the value before and after as shown on
 * screen, who, when and why. Personal data like the person itself: read only through the person (Person.corrections)
 * and the disclosure, and removed when the person is erased (the tombstone keeps their count).
 */
@ObjectType({ description: "本人情報の訂正の履歴 (1項目1件)" })
@Entity()
@Index(["personId", "correctedAt"])
export class PersonCorrection {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  personId: string;

  @Field(() => String, { description: "訂正した項目 (例: displayName, needs.wishes)" })
  @Column("text")
  field: string;

  @Field(() => String, { description: "訂正前の値" })
  @Column("text")
  before: string;

  @Field(() => String, { description: "訂正後の値" })
  @Column("text")
  after: string;

  @Field(() => String, { description: "訂正の理由" })
  @Column("text")
  reason: string;

  @Column("uuid")
  correctedById: string;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  correctedAt: Date;
}

/** How an erasure came about: the daily retention job, or a caseworker's explicit erasure of a stopped person. */
export enum ErasureTrigger {
  RETENTION = "RETENTION",
  MANUAL = "MANUAL",
}

/**
 * 消去の記録 (tombstone): the person row stays as a de-identified skeleton (dates, stages, methods, area and age band,
 * which the yearly indicators count) and this row says when it was erased, how, and how many records of each kind
 * lost their personal data. Never any value that was erased.
 */
@ObjectType({ description: "消去の記録 (消去した件数だけを残す)" })
@Entity()
export class PersonErasure {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index({ unique: true })
  @Column("uuid")
  personId: string;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  erasedAt: Date;

  /** Null when the daily retention job erased it. */
  @Column("uuid", { nullable: true })
  erasedById: string | null;

  @Field(() => String, { description: "RETENTION (保存期間の経過) または MANUAL (担当者による消去)" })
  @Column("text")
  cause: ErasureTrigger;

  @Field(() => GraphQLJSONObject, { description: "種類ごとの消去した件数" })
  @Column("jsonb", { default: () => "'{}'" })
  counts: Record<string, number>;
}
