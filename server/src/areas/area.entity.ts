import { Field, Float, ID, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { AreaType } from "./area.enums.js";

@ObjectType({ description: "地域 (種別ごとに重なり合う: 地域福祉エリア・包括担当区域・小学校区 …)" })
@Entity()
@Index(["type", "name"], { unique: true })
export class Area {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => AreaType)
  @Column("text")
  type: AreaType;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => String)
  @Column("text")
  nameKana: string;

  @Field(() => String, { nullable: true, description: "市の地区コード" })
  @Column("text", { nullable: true })
  code: string | null;

  /** Where distance 「◯◯の中心付近から」 is measured from; without it the client averages the area's listings. */
  @Field(() => Float, { nullable: true, description: "中心点の緯度" })
  @Column("double precision", { nullable: true })
  centerLat: number | null;

  @Field(() => Float, { nullable: true, description: "中心点の経度" })
  @Column("double precision", { nullable: true })
  centerLng: number | null;

  /**
   * 廃止: kept for the listings and people that refer to it (and their history), hidden from the lists offered for new
   * choices (`areas` leaves it out unless asked).
   */
  @Field(() => Date, { nullable: true, description: "廃止した日時 (使用中の地域は削除せず廃止する)" })
  @Column("timestamptz", { nullable: true })
  archivedAt: Date | null;

  /** Loaded through areaLoaders.parents (area.loaders.ts); exposed by AreaResolver. */
  @ManyToMany(() => Area)
  @JoinTable({ name: "area_parent", joinColumn: { name: "area_id" }, inverseJoinColumn: { name: "parent_id" } })
  parents: Area[];

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
