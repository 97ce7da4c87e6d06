import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  TARGET_GROUP_LABELS,
  TRANSPORT_OPTION_LABELS,
} from "@tsunagu/labels";
import { stableId } from "./hsds-ids.js";
import type { HsdsAttribute, HsdsTaxonomy, HsdsTaxonomyTerm } from "./hsds.types.js";

/**
 * The vocabularies tsunagu publishes with its HSDS data (GET /hsds/taxonomies, /hsds/taxonomy_terms, and
 * taxonomies.csv / taxonomy_terms.csv in the package). A listing's kind, its reading (よみがな) and its other coded
 * values are HSDS attributes pointing at these terms; a term's `code` is tsunagu's enum value, its `name` the label.
 */
export enum TaxonomyKey {
  KIND = "resource-kind",
  TARGET_GROUP = "target-group",
  ACCESSIBILITY = "accessibility",
  TRANSPORT = "transport",
  PARTICIPATION = "participation-role",
  READING = "reading",
  CLOSURE = "schedule-closure",
  LISTING = "listing-detail",
}

export const TAXONOMY_VERSION = "1";
const TAXONOMY_URI = "https://tsunagu.example/hsds/taxonomies";

const TAXONOMIES: Record<TaxonomyKey, { name: string; description: string; terms: Record<string, string> }> = {
  [TaxonomyKey.KIND]: {
    name: "tsunagu 資源の種類",
    description: "社会資源の種類 (通いの場, サロン, 子ども食堂 …). Kind of community resource.",
    terms: RESOURCE_KIND_LABELS,
  },
  [TaxonomyKey.TARGET_GROUP]: {
    name: "tsunagu 対象者",
    description: "主な対象者 (高齢者, 子育て …). Who the resource is for.",
    terms: TARGET_GROUP_LABELS,
  },
  [TaxonomyKey.ACCESSIBILITY]: {
    name: "tsunagu バリアフリー・配慮",
    description: "会場のバリアフリーと配慮. Accessibility of the venue.",
    terms: ACCESSIBILITY_LABELS,
  },
  [TaxonomyKey.TRANSPORT]: {
    name: "tsunagu 交通・送迎",
    description: "交通手段と送迎. Transport and pick-up.",
    terms: TRANSPORT_OPTION_LABELS,
  },
  [TaxonomyKey.PARTICIPATION]: {
    name: "tsunagu 参加の形",
    description: "参加者・担い手・就労体験・生産活動. Ways to take part.",
    terms: PARTICIPATION_ROLE_LABELS,
  },
  [TaxonomyKey.READING]: {
    name: "tsunagu よみがな",
    description: "名称の読み (ひらがな). The attribute's value is the reading of the linked record's name.",
    terms: { NAME_KANA: "よみがな" },
  },
  [TaxonomyKey.CLOSURE]: {
    name: "tsunagu 休みの日",
    description: "開催日程の休み (HSDS schedules have no exception dates). Closures of a service's schedule.",
    terms: {
      CLOSED_ON_HOLIDAYS: "祝日は休み",
      CLOSED_YEAR_END: "年末年始(12/29〜1/3)は休み",
      CLOSED_DATE: "臨時休止日 (value: YYYY-MM-DD)",
      SCHEDULE_NOTE: "日程の補足 (value: text)",
    },
  },
  [TaxonomyKey.LISTING]: {
    name: "tsunagu 掲載項目",
    description: "HSDS に対応する欄のない掲載項目. Listing details with no HSDS field of their own.",
    terms: {
      ACTIVITY: "活動内容 (value: text)",
      CAPACITY: "定員 (value: number)",
      OPENINGS: "現在の空き (value: number)",
      CITYWIDE: "市全域が対象",
      HOME_BASED: "在宅で参加できる",
      VISITING: "訪問型",
      VISIT_ALLOWED: "見学可",
      TRIAL_ALLOWED: "体験可",
      CERTIFICATE_REQUIRED: "手帳等が必要",
      RESIDENCE_REQUIRED: "市内在住が条件",
      REQUIRES_SUPPORT_PLAN: "支援プランのある人のみ",
      REFERRED_CASES_ONLY: "関係機関からの紹介のみ",
      NEAREST_STOP: "最寄りのバス停・駅 (value: text)",
    },
  },
};

export const taxonomyId = (key: TaxonomyKey) => stableId(`taxonomy:${key}`);
export const termId = (key: TaxonomyKey, code: string) => stableId(`taxonomy-term:${key}:${code}`);

export function hsdsTaxonomies(): HsdsTaxonomy[] {
  return Object.values(TaxonomyKey).map((key) => ({
    id: taxonomyId(key),
    name: TAXONOMIES[key].name,
    description: TAXONOMIES[key].description,
    uri: `${TAXONOMY_URI}/${key}`,
    version: TAXONOMY_VERSION,
  }));
}

const TERMS: HsdsTaxonomyTerm[] = Object.values(TaxonomyKey).flatMap((key) =>
  Object.entries(TAXONOMIES[key].terms).map(([code, name]) => ({
    id: termId(key, code),
    code,
    name,
    description: `${TAXONOMIES[key].name}: ${name}`,
    taxonomy: TAXONOMIES[key].name,
    taxonomy_id: taxonomyId(key),
    language: "ja",
  })),
);
const TERM_BY_ID = new Map(TERMS.map((t) => [t.id, t]));
const KEY_BY_TAXONOMY_ID = new Map(Object.values(TaxonomyKey).map((k) => [taxonomyId(k), k]));

export function hsdsTaxonomyTerms(): HsdsTaxonomyTerm[] {
  return TERMS;
}

/** A term with its taxonomy, as nested in an attribute of the API's objects. */
export function termById(id: string): HsdsTaxonomyTerm | undefined {
  return TERM_BY_ID.get(id);
}

/** The taxonomy and code a term id stands for (null for a term tsunagu did not publish). */
export function codeOfTerm(id: string): { key: TaxonomyKey; code: string } | null {
  const term = TERM_BY_ID.get(id);
  const key = term && KEY_BY_TAXONOMY_ID.get(term.taxonomy_id);
  return term && key ? { key, code: term.code } : null;
}

/** One attribute linking a record to a term; its id is stable per record, term and value. */
export function attribute(
  linkEntity: "service" | "organization" | "location",
  linkId: string,
  key: TaxonomyKey,
  code: string,
  value?: string,
): HsdsAttribute {
  const id = termId(key, code);
  const term = TERM_BY_ID.get(id)!;
  return {
    id: stableId(`attribute:${linkId}:${id}:${value ?? ""}`),
    link_id: linkId,
    link_type: key,
    link_entity: linkEntity,
    taxonomy_term_id: id,
    ...(value !== undefined ? { value } : {}),
    taxonomy_term: { ...term, taxonomy_detail: hsdsTaxonomies().find((t) => t.id === term.taxonomy_id) },
  };
}
