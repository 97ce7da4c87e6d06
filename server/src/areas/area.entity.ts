import { Field, ID, ObjectType } from "type-graphql";
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
