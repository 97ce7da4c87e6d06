import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { CityRelationship, OrgType } from "./organization.enums.js";

@ObjectType({ description: "運営主体・受け入れ先 (社会福祉法人, NPO, 自治会, 企業 …)" })
@Entity()
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => String)
  @Column("text")
  nameKana: string;

  @Field(() => OrgType)
  @Column("text")
  orgType: OrgType;

  @Field(() => CityRelationship, { description: "市との関係 (直営/委託/補助/独立)" })
  @Column("text")
  cityRelationship: CityRelationship;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  contactEmail: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  address: string | null;

  /** 廃止: kept for the listings, consents and matches that refer to it; left out of the lists offered for new choices. */
  @Field(() => Date, { nullable: true, description: "廃止した日時 (記録が参照する団体は削除せず廃止する)" })
  @Column("timestamptz", { nullable: true })
  archivedAt: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
