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

  /**
   * 職員向けの連絡先: a named person and their phone and e-mail. Not public: the API gives them to staff and the
   * organization's own hosts only (OrganizationResolver, organizationPolicy.seeStaffContact); exports never use them.
   */
  @Column("text", { nullable: true })
  contactName: string | null;

  @Column("text", { nullable: true })
  contactPhone: string | null;

  @Column("text", { nullable: true })
  contactEmail: string | null;

  /** 公開用の連絡先: what the public directory, its exports and HSDS show. Set on purpose, never copied. */
  @Field(() => String, { nullable: true, description: "公開用の電話番号 (誰でも見られる)" })
  @Column("text", { nullable: true })
  publicPhone: string | null;

  @Field(() => String, { nullable: true, description: "公開用のメールアドレス (誰でも見られる)" })
  @Column("text", { nullable: true })
  publicEmail: string | null;

  @Field(() => String, {
    nullable: true,
    description: "公開用の連絡先の補足 (受付時間・窓口名など。個人名は書かない。誰でも見られる)",
  })
  @Column("text", { nullable: true })
  publicContactNote: string | null;

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
