import type { DataSource } from "typeorm";
import { ResourceStatus } from "../resources/resource.enums.js";
import { SqlParams, buildConditions, normalizeQuery, textConditions } from "./search.conditions.js";
import type { SearchResourcesInput } from "./search.inputs.js";

/** Narrowing beyond the directory's filters, for the HSDS API (`organization_id`, `modified_after`). */
export interface MatchingScope {
  organizationIds?: string[];
  modifiedAfter?: Date;
  /** Every status, not only 活動中 (HSDS carries the status on each service). */
  anyStatus?: boolean;
}

/**
 * Every listing matching a search, in あいうえお順, for exports: all rows, not a page of ranked hits (Meilisearch
 * stops paging at its maxTotalHits). The filters are the same Conditions the search uses; words match as in the
 * PostgreSQL fallback (textWordCondition), so an export equals what a degraded search finds.
 */
function whereOf(input: SearchResourcesInput, scope: MatchingScope, p: SqlParams): string {
  const statuses = scope.anyStatus ? Object.values(ResourceStatus) : input.statuses;
  const parts = buildConditions({ ...input, statuses }).map((c) => c.sql(p));
  parts.push(...textConditions(normalizeQuery(input.text)).map((t) => t(p)));
  if (scope.organizationIds) parts.push(`r.organization_id = ANY(${p.add(scope.organizationIds)}::uuid[])`);
  if (scope.modifiedAfter) parts.push(`r.updated_at >= ${p.add(scope.modifiedAfter)}`);
  return parts.length ? parts.join(" AND ") : "true";
}

/** One page by offset (HSDS pages are numbered), with the total. */
export async function pageOfMatchingIds(
  db: DataSource,
  input: SearchResourcesInput,
  scope: MatchingScope,
  offset: number,
  limit: number,
): Promise<{ total: number; ids: string[] }> {
  const p = new SqlParams();
  const where = whereOf(input, scope, p);
  const count = new SqlParams();
  const [rows, [{ n }]] = await Promise.all([
    db.query<{ id: string }[]>(
      `SELECT r.id FROM resource r WHERE ${where} ORDER BY r.reading_key, r.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    ),
    db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM resource r WHERE ${whereOf(input, scope, count)}`,
      count.values,
    ),
  ]);
  return { total: n, ids: rows.map((r) => r.id) };
}

/** All matching ids in batches, keyset-paginated on (reading_key, id) so that 100,000 rows never sit in memory. */
export async function* batchesOfMatchingIds(
  db: DataSource,
  input: SearchResourcesInput,
  scope: MatchingScope,
  batchSize: number,
): AsyncGenerator<string[]> {
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const p = new SqlParams();
    const where = whereOf(input, scope, p);
    const keyset = after ? ` AND (r.reading_key, r.id) > (${p.add(after.key)}, ${p.add(after.id)}::uuid)` : "";
    const rows: { id: string; key: string }[] = await db.query(
      `SELECT r.id, r.reading_key AS key FROM resource r WHERE ${where}${keyset} ORDER BY r.reading_key, r.id LIMIT ${p.add(batchSize)}`,
      p.values,
    );
    if (!rows.length) return;
    yield rows.map((r) => r.id);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!;
  }
}
