import { Field, Int, ObjectType } from "type-graphql";
import { Column } from "typeorm";

/** 利用条件. Embedded in `resource` as eligibility_* columns. */
@ObjectType({ description: "利用条件" })
export class Eligibility {
  @Field(() => Int, { nullable: true, description: "対象年齢の下限" })
  @Column("int", { nullable: true })
  ageMin: number | null;

  @Field(() => Int, { nullable: true, description: "対象年齢の上限" })
  @Column("int", { nullable: true })
  ageMax: number | null;

  @Field(() => Boolean, { description: "手帳等が必要" })
  @Column("boolean", { default: false })
  certificateRequired: boolean;

  @Field(() => Boolean, { description: "市内在住が条件" })
  @Column("boolean", { default: false })
  residenceRequired: boolean;

  @Field(() => Boolean, { description: "支援プランのある人のみ" })
  @Column("boolean", { default: false })
  requiresSupportPlan: boolean;

  @Field(() => Boolean, { description: "関係機関からの紹介のみ" })
  @Column("boolean", { default: false })
  referredCasesOnly: boolean;
}
