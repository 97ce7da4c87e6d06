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
import { ContactMethod } from "../followups/followup.enums.js";
import { HostSupportKind } from "./host-relations.enums.js";

/** 受け入れ先支援: a visit, advice or help with a problem given to a host organization, outside any one person's match. */
@ObjectType({ description: "受け入れ先支援 (個別のマッチングの外で、受け入れ先の団体に行った支援)" })
@Entity()
@Index(["givenOn", "id"])
export class HostSupport {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  organizationId: string;

  @Field(() => LocalDate, { description: "支援した日" })
  @Column("date")
  givenOn: string;

  @Field(() => HostSupportKind)
  @Column("text")
  kind: HostSupportKind;

  @Field(() => ContactMethod, { description: "方法" })
  @Column("text")
  method: ContactMethod;

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
