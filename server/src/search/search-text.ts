import type { EntityManager } from "typeorm";
import { escapeLike } from "../core/sql.js";
import type { ParamSink } from "./search.conditions.js";
import { loadResourceDocuments, type ResourceDocument } from "./resource-document.js";
import { engineSynonyms } from "./search.settings.js";
import { hiraganaToKatakana } from "../readings/reading.js";
import { isKanaWord, readingKey, toHiragana } from "./text/reading-key.js";
import { tableWordKeys } from "./text/synonym-table.js";

/**
 * A listing's text as PostgreSQL searches it (a row of `resource_search_text`, which search owns), made from the
 * listing's Meilisearch document, so that both engines read the same normalised text and the same kuromoji readings:
 * - `text`: every searchable field of the document (name, kind words, activities, target words, description, host,
 *   venue, address), one per line, in normalizeSearchText's form;
 * - `reading`: the reading keys of all those fields, each once, between spaces (` taisou rajio … `), so that a
 *   query word's key is found at the start of a word with `LIKE '% key%'`.
 */
export function searchTextOf(doc: ResourceDocument): { text: string; reading: string } {
  const text = [
    doc.name,
    ...doc.kindWords,
    ...doc.activities,
    ...doc.targetWords,
    doc.description,
    doc.hostName,
    doc.venueName ?? "",
    doc.address ?? "",
  ]
    .filter(Boolean)
    .join("\n");
  const keys = [
    doc.nameReading,
    ...doc.kindReading,
    ...doc.activitiesReading,
    ...doc.targetReading,
    doc.descriptionReading,
    doc.hostReading,
    doc.venueReading ?? "",
  ]
    .join(" ")
    .split(" ")
    .filter(Boolean);
  return { text, reading: ` ${[...new Set(keys)].join(" ")} ` };
}

/** Listings per statement: one document query and one upsert each. */
const BATCH = 1_000;

/**
 * Writes the search text of these listings as they are now, inside the caller's transaction. Called wherever a
 * listing is queued for the index (search-outbox.ts), so PostgreSQL's copy is current even while Meilisearch is down.
 */
export async function writeSearchText(tx: EntityManager, resourceIds: string[]): Promise<void> {
  for (let i = 0; i < resourceIds.length; i += BATCH) {
    const { docs } = await loadResourceDocuments(tx, resourceIds.slice(i, i + BATCH));
    await writeSearchTextOf(tx, docs);
  }
}

/**
 * Writes the search text of these documents, which the caller made from exactly what it has just written in this
 * transaction (the catalog import's new listings, resource.service.ts): writeSearchText without reading them back.
 */
export async function writeSearchTextOf(tx: EntityManager, docs: ResourceDocument[]): Promise<void> {
  if (!docs.length) return;
  const columns = docs.map(searchTextOf);
  await tx.query(
    `INSERT INTO resource_search_text (resource_id, text, reading)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
     ON CONFLICT (resource_id) DO UPDATE SET text = excluded.text, reading = excluded.reading`,
    [docs.map((d) => d.id), columns.map((c) => c.text), columns.map((c) => c.reading)],
  );
}

/** Writes the search text of every listing, in batches of ids (the migration that added the table). */
export async function fillSearchText(manager: EntityManager): Promise<number> {
  let after = "00000000-0000-0000-0000-000000000000";
  let done = 0;
  for (;;) {
    const rows: { id: string }[] = await manager.query("SELECT id FROM resource WHERE id > $1 ORDER BY id LIMIT $2", [
      after,
      BATCH,
    ]);
    if (!rows.length) return done;
    after = rows.at(-1)!.id;
    await writeSearchText(
      manager,
      rows.map((r) => r.id),
    );
    done += rows.length;
  }
}

const TABLE_KEYS = tableWordKeys();
const SYNONYMS = engineSynonyms();
/** A reading key or a synonym given by keys (Latin letters only): matched against the readings. */
const KEY_FORM = /^[a-z]+$/;

/**
 * What one word of a normalized query matches, as the main search asks Meilisearch for it (text/engine-query.ts):
 * a kana word by its reading key (and in the text in hiragana or katakana), a word of the synonyms table by its key
 * and its synonyms, any word as typed in the text (a kanji word as a phrase: a substring of the normalised text). Synonyms are those Meilisearch is given
 * (engineSynonyms), keyed by the word and by its key.
 */
export function wordForms(word: string): { texts: string[]; readings: string[] } {
  const texts = new Set([word]);
  const readings = new Set<string>();
  if (isKanaWord(word)) {
    readings.add(readingKey(word));
    // In the text in the other script as well: kuromoji cuts a loanword spelt in hiragana inside running text
    // (「公園のぼらんてぃあ清掃」 → ぼら・ん・て・ぃあ), so its reading keys alone would miss ボランティア there.
    const hiragana = toHiragana(word);
    texts.add(hiragana).add(hiraganaToKatakana(hiragana));
  }
  const tableKey = TABLE_KEYS.get(word);
  if (tableKey) readings.add(tableKey);
  for (const form of [word, ...readings]) {
    for (const synonym of SYNONYMS[form] ?? []) (KEY_FORM.test(synonym) ? readings : texts).add(synonym);
  }
  return { texts: [...texts], readings: [...readings] };
}

/**
 * The SQL of one query word for a listing `r`: any of its texts within the listing's text, or any of its keys at the
 * start of a word of its readings (Meilisearch matches the last word of a query as a prefix; here every word is,
 * which only widens an AND of words). A sequential scan of resource_search_text (DropSearchTextTrigramIndexes).
 */
export function wordMatchSql(p: ParamSink, word: string): string {
  const { texts, readings } = wordForms(word);
  const parts = [
    ...texts.map((t) => `rst.text LIKE ${p.add(`%${escapeLike(t)}%`)}`),
    ...readings.map((k) => `rst.reading LIKE ${p.add(`% ${escapeLike(k)}%`)}`),
  ];
  return `r.id IN (SELECT rst.resource_id FROM resource_search_text rst WHERE ${parts.join(" OR ")})`;
}
