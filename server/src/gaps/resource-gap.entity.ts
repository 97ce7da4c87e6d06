import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { TargetGroup } from "../resources/resource.enums.js";

export enum ResourceGapStatus {
  IDENTIFIED = "IDENTIFIED",
  DISCUSSING = "DISCUSSING",
  DEVELOPING = "DEVELOPING",
  RESOLVED = "RESOLVED",
  DEFERRED = "DEFERRED",
}

registerEnumType(ResourceGapStatus, {
  name: "ResourceGapStatus",
  description: "把握 → 協議中 → 開発中 → 解決 / 見送り",
});

/**
 * 資源の不足: an unmet need found in casework or an empty search, carried to the 重層的支援会議 / 協議体 for
 * resource development. It names a need, never a person: `personId` stays internal (who raised it from where).
 */
@ObjectType({ description: "資源の不足 (地域課題)" })
@Entity()
export class ResourceGap {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "不足しているもの (ニーズ)" })
  @Column("text")
  need: string;

  @Field(() => [TargetGroup])
  @Column("text", { array: true, default: () => "'{}'" })
  targetGroups: TargetGroup[];

  @Column("uuid", { nullable: true })
  areaId: string | null;

  @Column("uuid", { nullable: true })
  personId: string | null;

  @Field(() => String, { nullable: true, description: "見つからなかった検索のことば" })
  @Column("text", { nullable: true })
  searchText: string | null;

  @Field(() => ResourceGapStatus)
  @Index()
  @Column("text", { default: ResourceGapStatus.IDENTIFIED })
  status: ResourceGapStatus;

  @Field(() => String, { description: "経過メモ" })
  @Column("text", { default: "" })
  statusNote: string;

  @Column("uuid", { nullable: true })
  resolvedResourceId: string | null;

  @Column("uuid")
  raisedById: string;

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
