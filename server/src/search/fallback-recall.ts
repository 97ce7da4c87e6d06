import { SearchResourcesInput } from "./search.inputs.js";
import type { SearchService } from "./search.service.js";

/**
 * Searches as people type them into the search box of the demo city (search.reading.test.ts and the demo city's
 * recipes use the same words): hiragana, katakana and kanji, some with a weekday, a time of day or an area (地区).
 */
export const RECALL_QUERIES: readonly string[] = [
  "高齢者 体操",
  "サロン 火曜",
  "料理教室",
  "たいそう",
  "タイソウ",
  "体操",
  "さろん",
  "こども食堂",
  "子供食堂",
  "こどもしょくどう",
  "ボランティア",
  "ぼらんてぃあ",
  "見守り",
  "みまもり",
  "認知症",
  "にんちしょう",
  "こうれいしゃ",
  "かいごよぼう",
  "うんどう",
  "りょうり",
  "しょうぎ",
  "ごはん",
  "ささえあい",
  "ちいきかつどう",
  "ホケン センター",
  "居場所",
  "いばしょ",
  "介護予防 午前",
  "囲碁",
  "将棋 水曜",
  "手芸 木曜",
  "カフェ 金曜",
  "相談",
  "子育て",
  "こそだて ひろば",
  "就労",
  "配食",
  "お年寄り",
  "シニア 運動",
  "ひきこもり",
  "清掃",
  "読み聞かせ",
  "交流会",
  "脳トレ",
];

/** Ids compared per query: the main path's first ones, and as many from the fallback. */
const COMPARED = 300;
/** The fallback's answer is read whole (up to this), its order being its own. */
const FALLBACK_LIMIT = 10_000;

export interface QueryRecall {
  query: string;
  /** Hits of the main path (Meilisearch), all of them counted. */
  main: number;
  /** Hits of the PostgreSQL fallback. */
  fallback: number;
  /** |fallback ∩ main| / |main| over the first COMPARED ids of each; 1 when the main path finds nothing. */
  recall: number;
}

export interface FallbackRecall {
  mean: number;
  queries: QueryRecall[];
}

/**
 * How much of what the main search finds the PostgreSQL fallback finds too, query by query (the same request to both
 * engines, through SearchService.idsFrom): the fallback returns the main path's listings when Meilisearch is down.
 * Ids of the fallback's whole answer are compared, not its order (the fallback ranks more simply).
 */
export async function measureFallbackRecall(
  search: SearchService,
  queries: readonly string[] = RECALL_QUERIES,
): Promise<FallbackRecall> {
  const out: QueryRecall[] = [];
  for (const query of queries) {
    const input = Object.assign(new SearchResourcesInput(), { text: query });
    const main = await search.idsFrom("meilisearch", input, COMPARED);
    const fallback = await search.idsFrom("postgres", input, FALLBACK_LIMIT);
    const found = new Set(fallback.ids);
    const recall = main.ids.length ? main.ids.filter((id) => found.has(id)).length / main.ids.length : 1;
    out.push({ query, main: main.total, fallback: fallback.total, recall });
  }
  const mean = out.reduce((s, q) => s + q.recall, 0) / Math.max(out.length, 1);
  return { mean, queries: out };
}

/** The figure and the worst queries, one line each: `fallback_recall=0.93` then `  高齢者 体操 main=117 …`. */
export function formatFallbackRecall(r: FallbackRecall, worst = 5): string {
  const lines = [`fallback_recall=${r.mean.toFixed(3)}`];
  for (const q of [...r.queries].sort((a, b) => a.recall - b.recall).slice(0, worst))
    lines.push(`  ${q.query}: recall=${q.recall.toFixed(3)} main=${q.main} fallback=${q.fallback}`);
  return lines.join("\n");
}
