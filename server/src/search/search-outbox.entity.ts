import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * The search outbox: a row per change to something a search document contains, written in the same transaction
 * as the change. The relay turns rows into Meilisearch upserts/deletes; a crash between commit and indexing loses
 * nothing because the row stays until the relay marks it processed.
 */
@Entity()
@Index("search_outbox_pending", ["nextAttemptAt", "id"], { where: "processed_at IS NULL" })
export class SearchOutbox {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  /** The only indexed entity for now; kept so another index can share the relay. */
  @Column("text", { default: "resource" })
  entity: string;

  @Column("uuid")
  entityId: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column("timestamptz", { default: () => "now()" })
  nextAttemptAt: Date;

  @Column("int", { default: 0 })
  attempts: number;

  @Column("text", { nullable: true })
  lastError: string | null;

  @Column("timestamptz", { nullable: true })
  processedAt: Date | null;
}
