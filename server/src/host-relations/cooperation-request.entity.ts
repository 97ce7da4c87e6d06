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
import { CooperationAnswer, CooperationKind } from "./host-relations.enums.js";

/**
 * 協力依頼: an organization asked to take someone in or to create a place, recorded whatever the answer (the report's
 * 協力依頼機関数 counts the organizations asked in a 年度). A person is named by reference only, and the request is
 * seen only by those who may see that person (as a match is).
 */
@ObjectType({ description: "協力依頼 (受け入れ先・団体への依頼。回答にかかわらず記録する)" })
@Entity()
@Index(["requestedOn", "id"])
export class CooperationRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  organizationId: string;

  @Field(() => LocalDate, { description: "依頼した日" })
  @Column("date")
  requestedOn: string;

  @Field(() => CooperationKind)
  @Column("text")
  kind: CooperationKind;

  @Field(() => CooperationAnswer)
  @Column("text", { default: CooperationAnswer.PENDING })
  answer: CooperationAnswer;

  @Field(() => LocalDate, { nullable: true, description: "回答があった日" })
  @Column("date", { nullable: true })
  answeredOn: string | null;

  @Index()
  @Column("uuid", { nullable: true })
  personId: string | null;

  @Field(() => ID, { nullable: true, description: "場の創出を依頼した資源の不足" })
  @Column("uuid", { nullable: true })
  resourceGapId: string | null;

  @Field(() => String, { description: "メモ" })
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
