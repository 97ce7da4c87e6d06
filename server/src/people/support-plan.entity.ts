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
import { SupportPlanStatus, SupportPlanVersion } from "./person.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

/** 支援プラン (minimal): 新規 or 再プラン, goals, the date it was agreed with the person, and its status. */
@ObjectType({ description: "支援プラン" })
@Entity()
export class SupportPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  personId: string;

  @Field(() => SupportPlanVersion)
  @Column("text")
  planVersion: SupportPlanVersion;

  @Field(() => [String], { description: "当面の目標" })
  @Column("text", { array: true, default: () => "'{}'" })
  goals: string[];

  @Field(() => LocalDate, { nullable: true, description: "本人と合意した日 (YYYY-MM-DD)" })
  @Column("date", { nullable: true })
  agreedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "見直し予定日" })
  @Column("date", { nullable: true })
  reviewOn: string | null;

  @Field(() => SupportPlanStatus)
  @Column("text")
  status: SupportPlanStatus;

  @Column("uuid")
  createdById: string;

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
