import type { Settings } from "meilisearch";
import synonymsFile from "./synonyms.json";

/** Mutual synonyms: every word of a group maps to every other word of it (Meilisearch synonyms are one-way). */
export function buildSynonyms(groups: string[][] = synonymsFile.groups): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) out[word] = [...new Set([...(out[word] ?? []), ...group.filter((w) => w !== word)])];
  }
  return out;
}

/** Index settings as code: applied at boot and by `reindex`. Changing them here is the only way to change them. */
export const RESOURCE_INDEX_SETTINGS: Settings = {
  searchableAttributes: [
    "name",
    "reading",
    "readingKatakana",
    "activities",
    "description",
    "hostName",
    "venueName",
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
  synonyms: buildSynonyms(),
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 200 },
  typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // Proximity counts whether a query's words are in the same field, not how many words apart they are. Listings'
  // fields are short (a name, a list of activities, a few sentences), so ranking loses little, and indexing skips
  // the word-pair distances: about 30% less Meilisearch CPU for an import (30,000 listings: 7.8 s → 5.5 s).
  proximityPrecision: "byAttribute",
  // Nothing asks Meilisearch for facet values by prefix (the facet-search route): without it, indexing the
  // filterable attributes skips building their facet-search data. Filters and facet counts are unchanged.
  facetSearch: false,
};
