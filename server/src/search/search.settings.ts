import type { Settings } from "meilisearch";
import synonymsFile from "./synonyms.json";
import { normalizeSearchText } from "./text/normalize.js";
import { engineQuery, readingKey } from "./text/reading-key.js";

/** Mutual synonyms: every word of a group maps to every other word of it (Meilisearch synonyms are one-way). */
export function buildSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) addSynonyms(out, group, group);
  return out;
}

function addSynonyms(out: Record<string, string[]>, from: string[], to: string[]) {
  for (const word of from) out[word] = [...new Set([...(out[word] ?? []), ...to.filter((w) => w !== word)])];
}

/** The table as its file holds it: a word, or a word with kanji and its reading after `|`. */
export interface SynonymTable {
  mutual: string[][];
  oneWay: { from: string; to: string[] }[];
}

/** The words of a table entry, without their readings. */
export const synonymWord = (entry: string) => entry.split("|")[0];

/**
 * The forms a query takes for a table entry, as Meilisearch is asked them (search.service.ts): the word normalized
 * (a kana word becomes its reading key) and, for a word with kanji, the key of its reading, so that 体操 and たいそう
 * expand to the same words.
 */
function queryForms(entry: string): string[] {
  const [word, reading] = entry.split("|");
  const forms = [engineQuery(normalizeSearchText(word))];
  if (reading) forms.push(readingKey(normalizeSearchText(reading)));
  return forms;
}

/** Meilisearch's synonyms for the table: mutual groups both ways, one-way rows from `from` only. */
export function engineSynonyms(table: SynonymTable = synonymsFile): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of table.mutual) {
    const forms = group.flatMap(queryForms);
    addSynonyms(out, forms, forms);
  }
  for (const { from, to } of table.oneWay) {
    const fromForms = queryForms(from);
    addSynonyms(out, fromForms, [...fromForms, ...to.flatMap(queryForms)]);
  }
  return out;
}

/** Fields searched by reading: their keys are exact spellings, so a typo there would match another word. */
const READING_ATTRIBUTES = [
  "nameReading",
  "kindReading",
  "activitiesReading",
  "targetReading",
  "descriptionReading",
  "hostReading",
  "venueReading",
];

/** Index settings as code: applied at boot and by `reindex`. Changing them here is the only way to change them. */
export const RESOURCE_INDEX_SETTINGS: Settings = {
  // The order ranks a match: the name, then the kind and the activities, the target groups, then the description;
  // each field's readings right after it.
  searchableAttributes: [
    "name",
    "nameReading",
    "kindWords",
    "kindReading",
    "activities",
    "activitiesReading",
    "targetWords",
    "targetReading",
    "description",
    "descriptionReading",
    "hostName",
    "hostReading",
    "venueName",
    "venueReading",
    "address",
  ],
  filterableAttributes: [
    "kind",
    "targetGroups",
    "areaIds",
    "status",
    "weekdays",
    "timeBands",
    "startMinutes",
    "free",
    "accessibility",
    "transportOptions",
    "visitAllowed",
    "trialAllowed",
    "rolesOffered",
    "ageMin",
    "ageMax",
    "citywide",
    "homeBased",
    "verifiedAt",
    "organizationId",
    "_geo",
  ],
  sortableAttributes: ["_geo", "reading", "verifiedAt", "updatedAt", "nextSessionAt"],
  displayedAttributes: ["id"],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["jpn"] }],
  synonyms: engineSynonyms(),
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 200 },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: READING_ATTRIBUTES },
  // Proximity counts whether a query's words are in the same field, not how many words apart they are. Listings'
  // fields are short (a name, a list of activities, a few sentences), so ranking loses little, and indexing skips
  // the word-pair distances: about 30% less Meilisearch CPU for an import (30,000 listings: 7.8 s → 5.5 s).
  proximityPrecision: "byAttribute",
  // Nothing asks Meilisearch for facet values by prefix (the facet-search route): without it, indexing the
  // filterable attributes skips building their facet-search data. Filters and facet counts are unchanged.
  facetSearch: false,
};
