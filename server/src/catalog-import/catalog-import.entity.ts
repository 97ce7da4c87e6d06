import { Field, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";

/**
 * Where an imported listing came from (one row per listing), so that next month's file updates it instead of
 * duplicating it. `importedValues` is what the last import wrote, in the form `listingValuesKey` compares: a listing
 * whose current values differ from it was edited in tsunagu since, and is not overwritten unless the user says so.
 */
@ObjectType("ResourceSource", { description: "取り込んだ資源の出典 (公開者・データセット・ライセンス)" })
@Entity()
@Index(["publisher", "dataset", "sourceId"], { unique: true })
export class ResourceSource {
  @PrimaryColumn("uuid")
  resourceId: string;

  @Field(() => String, { description: "公開者 (例: 武蔵村山市)" })
  @Column("text")
  publisher: string;

  @Field(() => String, { description: "データセット名" })
  @Column("text")
  dataset: string;

  @Column("text")
  sourceId: string;

  @Field(() => String, { nullable: true, description: "ライセンス (例: CC BY 4.0)" })
  @Column("text", { nullable: true })
  licence: string | null;

  @Field(() => String, { nullable: true, description: "出典の表記" })
  @Column("text", { nullable: true })
  attribution: string | null;

  @Field(() => String, { nullable: true, description: "ファイルの日付 (YYYY-MM-DD)" })
  @Column("date", { nullable: true })
  fileDate: string | null;

  /** The listing's values as the last import wrote them (only the fields the file gave). */
  @Column("jsonb")
  importedValues: Record<string, unknown>;

  @Column("timestamptz")
  importedAt: Date;
}

/** An uploaded file waiting to be previewed and imported (kept until it is replaced by a newer upload). */
@Entity()
export class CatalogImportUpload {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("text")
  fileName: string;

  @Column("bytea", { select: false })
  bytes: Buffer;

  @Column("int")
  size: number;

  @Column("uuid")
  uploadedById: string;

  /** QUEUED → RUNNING → DONE | FAILED, once the import was started. */
  @Column("text", { nullable: true })
  state: string | null;

  @Column("jsonb", { nullable: true })
  progress: { done: number; total: number } | null;

  @Column("jsonb", { nullable: true })
  result: Record<string, unknown> | null;

  @Column("text", { nullable: true })
  error: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}

/** A user's own column layout, saved under a name to be picked again next month. */
@Entity()
export class SavedColumnMapping {
  @PrimaryColumn("text")
  name: string;

  @Column("jsonb")
  mapping: Record<string, string>;

  @Column("uuid")
  savedById: string;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
