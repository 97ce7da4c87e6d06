import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ParticipationLevel } from "../people/person.enums.js";
import {
  ChangeCategory,
  ChangeType,
  ContactMethod,
  Counterpart,
  FollowUpDueStatus,
  FollowUpKind,
  RelationshipStability,
} from "./followup.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

/** A planned follow-up of a match (the schedule comes from MunicipalSettings; see followup.schedule.ts). */
@ObjectType({ description: "フォローアップの予定" })
@Entity()
@Index(["status", "dueOn"])
export class FollowUpDue {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  matchId: string;

  @Field(() => FollowUpKind)
  @Column("text")
  kind: FollowUpKind;

  @Field(() => LocalDate, { description: "予定日 (YYYY-MM-DD)" })
  @Column("date")
  dueOn: string;

  @Field(() => FollowUpDueStatus)
  @Column("text", { default: FollowUpDueStatus.PLANNED })
  status: FollowUpDueStatus;

  @Field(() => LocalDate, { nullable: true, description: "実施日" })
  @Column("date", { nullable: true })
  doneOn: string | null;

  @Column("uuid", { nullable: true })
  recordId: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}

/** フォローアップ記録: one contact, what was observed, what was agreed, when the next one is due. */
@ObjectType({ description: "フォローアップ記録" })
@Entity()
@Index(["personId", "contactedOn"])
export class FollowUpRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  matchId: string;

  @Column("uuid")
  personId: string;

  @Column("uuid")
  recordedById: string;

  @Field(() => LocalDate, { description: "実施日 (YYYY-MM-DD)" })
  @Column("date")
  contactedOn: string;

  @Field(() => ContactMethod)
  @Column("text")
  method: ContactMethod;

  @Field(() => [Counterpart])
  @Column("text", { array: true, default: () => "'{}'" })
  counterparts: Counterpart[];

  @Field(() => Int, { nullable: true, description: "前回から参加した回数" })
  @Column("int", { nullable: true })
  sessionsAttended: number | null;

  @Field(() => Int, { nullable: true, description: "前回からの開催回数" })
  @Column("int", { nullable: true })
  sessionsPlanned: number | null;

  @Field(() => ParticipationLevel, { nullable: true })
  @Column("text", { nullable: true })
  participationLevel: ParticipationLevel | null;

  @Field(() => Boolean, { description: "行動や気持ちの変化が見られた" })
  @Column("boolean", { default: false })
  changeObserved: boolean;

  @Field(() => ChangeType, { nullable: true })
  @Column("text", { nullable: true })
  changeType: ChangeType | null;

  @Field(() => [ChangeCategory])
  @Column("text", { array: true, default: () => "'{}'" })
  changeCategories: ChangeCategory[];

  @Field(() => String, { description: "様子・変化の記録" })
  @Column("text", { default: "" })
  narrative: string;

  @Field(() => RelationshipStability, { nullable: true })
  @Column("text", { nullable: true })
  relationshipStability: RelationshipStability | null;

  @Field(() => String, { description: "受け入れ先からの声" })
  @Column("text", { default: "" })
  hostFeedback: string;

  @Field(() => String, { description: "受け入れ先への助言 (受け入れ先支援)" })
  @Column("text", { default: "" })
  hostGuidance: string;

  @Field(() => LocalDate, { nullable: true, description: "次回予定日" })
  @Column("date", { nullable: true })
  nextDueOn: string | null;

  /** Written as the final outcome observation of a move to 定着 or 終結. */
  @Field(() => Boolean, { description: "定着・終結時の評価" })
  @Column("boolean", { default: false })
  isOutcomeEvaluation: boolean;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
