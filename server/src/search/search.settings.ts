import type { Settings } from "meilisearch";
import { normalizeSearchText } from "./text/normalize.js";
import { isKanaWord } from "./text/reading-key.js";
import { SYNONYM_TABLE, entryKeys, synonymWord, type SynonymTable } from "./text/synonym-table.js";

export { synonymWord };

/** Mutual synonyms: every word of a group maps to every other word of it (Meilisearch synonyms are one-way). */
export function buildSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) addSynonyms(out, group, group);
  return out;
}

function addSynonyms(out: Record<string, string[]>, from: string[], to: string[]) {
  for (const word of from) out[word] = [...new Set([...(out[word] ?? []), ...to.filter((w) => w !== word)])];
}

/**
 * Meilisearch's synonyms for the table (synonyms.json), keyed by reading keys (synonym-table.ts) and, for the
 * words with kana in them, by the word as well: mutual groups both ways, one-way rows from `from` only.
 */
export function engineSynonyms(table: SynonymTable = SYNONYM_TABLE): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const forms = (entry: string) => {
    const word = normalizeSearchText(synonymWord(entry));
    return [...(isKanaWord(word) ? [] : [word]), ...entryKeys(entry)];
  };
  for (const group of table.mutual) {
    const all = group.flatMap(forms);
    addSynonyms(out, all, all);
  }
  for (const { from, to } of table.oneWay) {
    const fromForms = forms(from);
    addSynonyms(out, fromForms, [...fromForms, ...to.flatMap(forms)]);
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
    // Coordinates as plain numbers, and the id for the few listings a radius names one by one (search.geo.ts):
    // a filterable `_geo` made Meilisearch rewrite its whole geo index on every edit (1–6 s per one-listing update
    // on 100,000 listings, against 0.1–0.3 s with these).
    "lat",
    "lng",
    "id",
  ],
  sortableAttributes: ["reading", "verifiedAt", "updatedAt", "nextSessionAt"],
  // The coordinates too: radius and distance order measure them (search.geo.ts).
  displayedAttributes: ["id", "lat", "lng"],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["jpn"] }],
  synonyms: engineSynonyms(),
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 200 },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: READING_ATTRIBUTES },
  // Word distances are kept (byWord), though indexing costs more than with "byAttribute" (which saved about 30% of
  // Meilisearch CPU on an import; 17% more time here for 20,000 documents with readings): Meilisearch cuts a kanji
  // word into pieces (介護者 → 介護 + 者) and a Latin reading key into two keys (kaigosixya → kaigo sixya), and only
  // with distances does it require the pieces to be next to each other. With "byAttribute" a listing holding 介護予防
  // and 高齢者 in one field matched 介護者, and a phrase in quotes matched its words anywhere in the field.
  proximityPrecision: "byWord",
  // Nothing asks Meilisearch for facet values by prefix (the facet-search route): without it, indexing the
  // filterable attributes skips building their facet-search data. Filters and facet counts are unchanged.
  facetSearch: false,
};
