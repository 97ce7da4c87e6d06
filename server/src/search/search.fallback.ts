import type { DataSource } from "typeorm";
import { escapeLike } from "../core/sql.js";
import { normalizeReading } from "../readings/reading.js";
import { FACETS, FACET_KEYS, SqlParams, sqlDistance, textConditions, type FacetKey } from "./search.conditions.js";
import { SearchSort } from "./search.inputs.js";
import type { RankedPage, SearchRequest } from "./search.service.js";

/**
 * The degraded path: the same request answered by PostgreSQL. The request is the one Meilisearch gets (the words that
 * name a weekday, a time or an area already read as filters, the rest normalized by normalizeQuery), and every word
 * of its text must match `textConditions`, the one SQL text matcher, on the listing's search columns (search-text.ts:
 * the same fields, normalisation, readings and synonyms as the index); filters are the same Conditions the
 * Meilisearch path uses, so the two cannot drift apart. Ranking is simpler: name matches first, then by reading.
 */
export async function searchInPostgres(
  db: DataSource,
  { input, query, conditions, offset, limit }: SearchRequest,
): Promise<RankedPage> {
  const words = query ? query.split(" ") : [];
  // The text is matched once, with the conditions every query below shares (not the facets': their counts leave their
  // own out), and the page, the count and the facet counts read its ids: matching is a pass over every listing's text.
  const text = textConditions(query);
  let matched: string[] | null = null;
  if (text.length) {
    const p = new SqlParams();
    const shared = [...conditions.filter((c) => !c.facet).map((c) => c.sql(p)), ...text.map((t) => t(p))];
    const rows = await db.query<{ id: string }[]>(
      `SELECT r.id FROM resource r WHERE ${shared.join(" AND ")}`,
      p.values,
    );
    matched = rows.map((r) => r.id);
  }
  const where = (p: SqlParams, except?: FacetKey) => {
    const parts = conditions.filter((c) => !except || c.facet !== except).map((c) => c.sql(p));
    if (matched) parts.push(`r.id = ANY(${p.add(matched)}::uuid[])`);
    return parts.length ? parts.join(" AND ") : "true";
  };

  const page = new SqlParams();
  const pageWhere = where(page);
  const order = orderBy(page, input, words);
  const pageSql = `SELECT r.id FROM resource r WHERE ${pageWhere} ORDER BY ${order}, r.reading_key, r.id LIMIT ${page.add(limit)} OFFSET ${page.add(offset)}`;

  const count = new SqlParams();
  const countSql = `SELECT count(*)::int AS n FROM resource r WHERE ${where(count)}`;

  const facetQueries = FACET_KEYS.map((key) => {
    const p = new SqlParams();
    const expr = FACETS[key].array ? `unnest(${FACETS[key].sql})` : FACETS[key].sql;
    const sql = `SELECT v AS value, count(*)::int AS count FROM (SELECT ${expr} AS v FROM resource r WHERE ${where(p, key)}) f WHERE v IS NOT NULL GROUP BY v`;
    return db.query<{ value: string; count: number }[]>(sql, p.values);
  });

  const [rows, [{ n }], ...facetRows] = await Promise.all([
    db.query<{ id: string }[]>(pageSql, page.values),
    db.query<{ n: number }[]>(countSql, count.values),
    ...facetQueries,
  ]);
  const facets = Object.fromEntries(
    FACET_KEYS.map((k, i) => [k, facetRows[i].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))]),
  );
  return { total: n, hits: rows.map((r) => ({ id: r.id })), facets: facets as RankedPage["facets"] };
}

function orderBy(p: SqlParams, input: SearchRequest["input"], words: string[]): string {
  switch (input.sort) {
    case SearchSort.DISTANCE:
      return `${sqlDistance(p, input.near!.lat, input.near!.lng)} ASC NULLS LAST`;
    case SearchSort.NEXT_SESSION:
      return "r.next_session_at ASC NULLS LAST";
    case SearchSort.RECENTLY_VERIFIED:
      return "r.verified_at DESC NULLS LAST";
    default:
      if (!words.length) return "r.reading_key ASC";
      return `(CASE WHEN r.name ILIKE ${p.add(`%${escapeLike(words[0])}%`)} THEN 0 WHEN r.reading_key ILIKE ${p.add(`%${escapeLike(normalizeReading(words[0]))}%`)} THEN 1 ELSE 2 END)`;
  }
}
