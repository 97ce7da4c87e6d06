import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { HostResponse, MatchStage } from "./match.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

/**
 * マッチング: one person, one listing, one path through the stages. `organizationId` is the listing's host at the
 * time of the match, kept here so host isolation is a column check, not a join through a listing that may move.
 */
@ObjectType({ description: "マッチング (本人と資源のつなぎ)" })
@Entity()
@Index(["organizationId", "stage"])
@Index(["coordinatorId", "stage"])
export class Match {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  personId: string;

  @Index()
  @Column("uuid")
  resourceId: string;

  @Column("uuid")
  organizationId: string;

  @Column("uuid")
  coordinatorId: string;

  @Column("uuid", { nullable: true })
  supportPlanId: string | null;

  @Field(() => MatchStage)
  @Column("text")
  stage: MatchStage;

  /** While 保留: the stage it paused, the only one it may return to. */
  @Field(() => MatchStage, { nullable: true })
  @Column("text", { nullable: true })
  heldFrom: MatchStage | null;

  @Field(() => String, { description: "マッチングの理由 (ニーズと資源の特徴)" })
  @Column("text", { default: "" })
  rationale: string;

  @Field(() => Float, { nullable: true, description: "提案時の適合度 (0〜100)" })
  @Column("double precision", { nullable: true })
  score: number | null;

  @Field(() => LocalDate, { nullable: true, description: "参加開始日 (直近の開始・再開)" })
  @Column("date", { nullable: true })
  startedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "最初の参加開始日" })
  @Column("date", { nullable: true })
  firstStartedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "終結日" })
  @Column("date", { nullable: true })
  closedOn: string | null;

  @Field(() => HostResponse, { nullable: true })
  @Column("text", { nullable: true })
  hostResponse: HostResponse | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  hostResponseReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { nullable: true })
  hostRespondedAt: Date | null;

  @Field(() => Int, { description: "再開した回数" })
  @Column("int", { default: 0 })
  reopenCount: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Int, { description: "楽観的ロック: 段階を進めるときに expectedVersion として渡す" })
  @VersionColumn({ default: 1 })
  version: number;
}

/** Who moved a match, when, from where to where and why. Append-only. */
@ObjectType({ description: "段階の変更履歴" })
@Entity()
@Index(["matchId", "createdAt"])
export class MatchTransition {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  matchId: string;

  @Field(() => MatchStage, { nullable: true, description: "作成時は空" })
  @Column("text", { nullable: true })
  fromStage: MatchStage | null;

  @Field(() => MatchStage)
  @Column("text")
  toStage: MatchStage;

  @Field(() => String)
  @Column("text", { default: "" })
  reason: string;

  @Column("uuid")
  actorId: string;

  @Field(() => LocalDate, { description: "実際にその段階になった日 (YYYY-MM-DD)" })
  @Column("date")
  effectiveOn: string;

  @Field(() => Date, { description: "記録した日時" })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}

/** 出欠: recorded by the host (or the coordinator) per session day. */
@ObjectType({ description: "出欠の記録" })
@Entity()
@Unique(["matchId", "sessionOn"])
export class Attendance {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid")
  matchId: string;

  @Field(() => LocalDate, { description: "開催日 (YYYY-MM-DD)" })
  @Column("date")
  sessionOn: string;

  @Field(() => Boolean)
  @Column("boolean")
  attended: boolean;

  @Field(() => String)
  @Column("text", { default: "" })
  note: string;

  @Column("uuid")
  recordedById: string;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
