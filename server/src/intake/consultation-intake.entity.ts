import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { LocalDate } from "../core/local-date.scalar.js";
import { AgeBand } from "../people/person.enums.js";
import { IntakeField, IntakeOutcome, IntakeRoute } from "./intake.enums.js";

/**
 * 相談受付: one consultation received, counted without consent and without a 本人 record (the report's 新規相談件数
 * and the first step of 相談受付 → 同意 → プラン). It names no one: a band, a 地区 and a free note without names. When
 * the person consents and is registered, `personId` links it to that record (linkIntakeToPerson).
 */
@ObjectType({ description: "相談受付 (本人の記録なしで数える相談。名前は記録しない)" })
@Entity()
@Index(["receivedOn", "id"])
export class ConsultationIntake {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => LocalDate, { description: "受付日 (YYYY-MM-DD, 日本時間)" })
  @Column("date")
  receivedOn: string;

  @Field(() => IntakeRoute)
  @Column("text")
  route: IntakeRoute;

  @Field(() => IntakeField, { description: "分野" })
  @Column("text")
  field: IntakeField;

  @Column("uuid", { nullable: true })
  areaId: string | null;

  @Field(() => AgeBand, { nullable: true })
  @Column("text", { nullable: true })
  ageBand: AgeBand | null;

  @Field(() => IntakeOutcome)
  @Column("text")
  outcome: IntakeOutcome;

  @Index()
  @Column("uuid", { nullable: true })
  personId: string | null;

  @Field(() => String, { description: "メモ (名前は書かない)" })
  @Column("text", { default: "" })
  note: string;

  @Column("uuid")
  recordedById: string;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ default: 1 })
  version: number;
}
