import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Resource } from "./resource.entity.js";

export enum ResourceChangeKind {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  STATUS = "STATUS",
  VERIFY = "VERIFY",
  VERIFICATION_REQUEST = "VERIFICATION_REQUEST",
}
registerEnumType(ResourceChangeKind, {
  name: "ResourceChangeKind",
  description: "登録 / 編集 / 活動状況の変更 / 掲載内容の確認 / 確認の依頼",
});

/** One field of a change: its input name, and its value before and after (a schedule as its description). */
@ObjectType({ description: "変わった項目と、その前後の値" })
export class ResourceFieldChange {
  @Field(() => String, { description: "項目 (入力の名前: name, schedule, areaIds …)" })
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;
}

/**
 * 変更履歴: who changed a listing, when, and which fields from what to what. Written by ResourceService in the
 * transaction of the change itself, so the history cannot miss a write. The audit log keeps only field names (it
 * must never hold values about a person); a listing is public, so its history may keep values.
 */
@ObjectType({ description: "資源の変更履歴の1件" })
@Entity()
@Index(["resourceId", "changedAt"])
export class ResourceChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column("uuid")
  resourceId: string;

  @ManyToOne(() => Resource, { onDelete: "CASCADE" })
  @JoinColumn()
  resource?: Resource;

  @Field(() => Date)
  @Column({ type: "timestamptz", precision: 3, default: () => "now()" })
  changedAt: Date;

  /** The user who made it (null: a system job). No foreign key: the history outlives an account's removal. */
  @Column("uuid", { nullable: true })
  actorUserId: string | null;

  @Field(() => ResourceChangeKind)
  @Column("text")
  kind: ResourceChangeKind;

  @Field(() => [ResourceFieldChange])
  @Column("jsonb", { default: () => "'[]'" })
  changes: ResourceFieldChange[];

  /** Set when a catalog import made the change: the publisher, dataset and file it came from. */
  @Field(() => String, {
    nullable: true,
    description: "取り込みによる変更なら、取り込んだデータ (公開者・データセット・ファイル)",
  })
  @Column("text", { nullable: true })
  importedFrom: string | null;
}
