import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { UserRole } from "../core/roles.js";

/**
 * One search that found nothing or very little (search-miss.service.ts): what was asked, never who asked. No user,
 * person, session or coordinates: the query as the engine saw it, the filters, the searcher's role, when.
 * Not a GraphQL type: 資源の不足 shows them only aggregated (SearchMissSummary).
 */
@Entity()
export class SearchMiss {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Index("IDX_search_miss_searched_at")
  @CreateDateColumn({ type: "timestamptz" })
  searchedAt: Date;

  /** Normalised query text ("" for filters alone). */
  @Column("text")
  query: string;

  /** The filters in canonical form (sorted keys and values), so equal searches group together. */
  @Column("jsonb", { default: () => "'{}'" })
  filters: Record<string, unknown>;

  /** The searcher's role; null for someone not signed in. */
  @Column("text", { nullable: true })
  role: UserRole | null;

  @Column("int")
  hits: number;
}
