import type { LayoutId } from "../imported-listing.js";
import { ResourceKind } from "../../resources/resource.enums.js";
import type { CatalogField, ColumnMapping } from "./column-mapping.js";
import { isIgnoredHeader, normaliseHeader } from "./text-normalise.js";

/**
 * Each field's headers across the published layouts, preferred first. Compared after `normaliseHeader`, so
 * 「名称（ふりがな）」 and 「名称(ふりがな)」, 「ﾒｲｼｮｳ」 and 「メイショウ」, 「運営日（平日）－開始」 and 「運営日(平日)-開始」 match.
 */
const ALIASES: Record<CatalogField, string[]> = {
  sourceId: ["ID", "NO", "No", "#property", "番号"],
  localGovernmentCode: [
    "全国地方公共団体コード",
    "都道府県コード又は市区町村コード",
    "都道府県コード又は市町村コード",
    "市区町村コード",
  ],
  localGovernmentName: ["地方公共団体名", "市区町村名"],
  name: ["名称", "介護サービス事業所名称", "事業所名", "イベント名", "施設名", "name"],
  nameKana: [
    "名称_カナ",
    "名称(ふりがな)",
    "介護サービス事業所名称_カナ",
    "事業所名カナ",
    "イベント名_カナ",
    "施設名カナ",
  ],
  kindText: ["種別", "実施サービス", "サービスの種類", "service"],
  description: ["説明", "概要", "設置目的", "description"],
  organizationName: ["団体名", "法人の名称", "運営団体名", "法人名称", "主催者", "運営主体"],
  address: ["所在地_連結表記", "住所", "所在地(都道府県から番地まで)", "所在地", "address"],
  addressPrefecture: ["所在地_都道府県"],
  addressCity: ["所在地_市区町村"],
  addressTown: ["所在地_町字"],
  addressRest: ["所在地_番地以下"],
  building: ["建物名等(方書)", "方書", "方書(ビル名等)", "所在地(建物名・部屋番号等)", "場所名称"],
  lat: ["緯度", "latitude"],
  lng: ["経度", "longitude"],
  phone: ["電話番号", "電話番号1", "連絡先電話番号", "telephoneNumber"],
  phone2: ["電話番号2"],
  email: ["連絡先メールアドレス", "メールアドレス"],
  url: ["URL", "referenceObject"],
  weekdays: ["利用可能曜日", "開催曜日", "availableDate"],
  frequency: ["開催頻度"],
  dayText: ["開催日"],
  startDate: ["開始日"],
  endDate: ["終了日"],
  startTime: ["開始時間", "開催開始時間", "startTime"],
  endTime: ["終了時間", "開催終了時間", "endTime"],
  scheduleNote: [
    "利用可能日時特記事項",
    "利用可能時間特記事項",
    "開催日時特記事項",
    "利用可能曜日特記事項",
    "開始日時特記事項",
    "availableDateNote",
  ],
  closedDays: ["定休日"],
  capacity: ["収容定員", "定員", "capacity"],
  costText: ["料金(基本)", "参加費_小学生", "料金体系"],
  targetText: ["対象者", "受入年齢", "参加条件"],
  activityText: ["活動内容", "実施支援の主な区分", "service"],
  note: ["備考", "note", "その他"],
  weekdayStart: ["運営日(平日)-開始"],
  weekdayEnd: ["運営日(平日)-終了"],
  saturdayStart: ["運営日(土曜)-開始"],
  saturdayEnd: ["運営日(土曜)-終了"],
  sundayStart: ["運営日(日曜)-開始"],
  sundayEnd: ["運営日(日曜)-終了"],
  holidayStart: ["運営日(祝日)-開始"],
  holidayEnd: ["運営日(祝日)-終了"],
  pickup: ["送迎の有無"],
  publisher: ["_自治体名"],
  dataset: ["_データセット名"],
  licence: ["_ライセンス"],
  sourceUrl: ["_取得元URL"],
};

const NORMALISED_ALIASES = Object.entries(ALIASES).map(
  ([field, aliases]) => [field as CatalogField, aliases.map(normaliseHeader)] as const,
);

/** Field → index of its column. */
export type ColumnIndex = Partial<Record<CatalogField, number>>;

export interface RecognisedLayout {
  layout: LayoutId;
  /** The dataset's usual name, for `ListingSource.dataset` when the file does not say. */
  dataset: string;
  columns: ColumnIndex;
  /** A kind every row of this dataset has (子ども食堂一覧, 通いの場), or null. */
  datasetKind: ResourceKind | null;
  weekdaysMeanWeekly: boolean;
}

const has = (set: Set<string>, ...headers: string[]) => headers.some((h) => set.has(normaliseHeader(h)));

/** Which published layout a header row is, or null. Decided by the headers present, never by column position. */
function identify(set: Set<string>): Omit<RecognisedLayout, "columns"> | null {
  const facility = { datasetKind: null, weekdaysMeanWeekly: true };
  if (has(set, "運営日(平日)-開始", "所在地(都道府県から番地まで)")) {
    return {
      layout: "MHLW_KAYOI_NO_BA",
      dataset: "通いの場",
      datasetKind: ResourceKind.KAYOI_NO_BA,
      weekdaysMeanWeekly: false,
    };
  }
  if (has(set, "開催頻度", "参加費_小学生", "フードパントリー実施")) {
    return {
      layout: "KODOMO_SHOKUDO",
      dataset: "子ども食堂一覧",
      datasetKind: ResourceKind.KODOMO_SHOKUDO,
      weekdaysMeanWeekly: false,
    };
  }
  if (has(set, "name") && has(set, "address")) return { layout: "TAKAMATSU_ENGLISH", dataset: "施設一覧", ...facility };
  const event = has(set, "イベント名");
  const eventFields = { datasetKind: ResourceKind.DROP_IN_EVENT, weekdaysMeanWeekly: true };
  if (
    has(set, "都道府県コード又は市区町村コード", "都道府県コード又は市町村コード") ||
    (has(set, "住所") && has(set, "都道府県名"))
  ) {
    return event
      ? { layout: "RECOMMENDED_V1", dataset: "イベント一覧", ...eventFields }
      : {
          layout: "RECOMMENDED_V1",
          dataset: has(set, "事業所名") ? "介護サービス事業所一覧" : "施設一覧",
          ...facility,
        };
  }
  if (has(set, "全国地方公共団体コード", "所在地_連結表記")) {
    if (event) return { layout: "DIGITAL_AGENCY_EVENT", dataset: "イベント一覧", ...eventFields };
    if (has(set, "介護サービス事業所名称")) {
      return { layout: "DIGITAL_AGENCY_CARE_SERVICE", dataset: "介護サービス事業所一覧", ...facility };
    }
    if (has(set, "受入年齢", "一時預かりの有無", "子供預かり料金")) {
      return { layout: "DIGITAL_AGENCY_CHILDCARE", dataset: "子育て施設一覧", ...facility };
    }
    if (has(set, "名称")) return { layout: "DIGITAL_AGENCY_PUBLIC_FACILITY", dataset: "公共施設一覧", ...facility };
  }
  return null;
}

/** HSDS 3.0's tabular files (services.csv, organizations.csv…) carry these headers. */
export const looksLikeHsdsHeaders = (headers: string[]): boolean => {
  const set = new Set(headers.map(normaliseHeader));
  return set.has("id") && (set.has("organization_id") || set.has("service_id"));
};

/** The column of each field, first alias present wins; ignored headers (blank, 列1) are skipped. */
function indexColumns(normalised: string[]): ColumnIndex {
  const positions = new Map<string, number>();
  normalised.forEach((h, i) => {
    if (!isIgnoredHeader(h) && !positions.has(h)) positions.set(h, i);
  });
  const columns: ColumnIndex = {};
  for (const [field, aliases] of NORMALISED_ALIASES) {
    const found = aliases.find((a) => positions.has(a));
    if (found !== undefined) columns[field] = positions.get(found);
  }
  return columns;
}

export function recogniseLayout(headers: string[]): RecognisedLayout | null {
  const normalised = headers.map(normaliseHeader);
  const found = identify(new Set(normalised.filter((h) => !isIgnoredHeader(h))));
  return found && { ...found, columns: indexColumns(normalised) };
}

/** The user's mapping: each field's header looked up (normalised) in this file; an unknown header is an error. */
export function applyMapping(headers: string[], mapping: ColumnMapping): { columns: ColumnIndex; missing: string[] } {
  const normalised = headers.map(normaliseHeader);
  const columns: ColumnIndex = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(mapping) as [CatalogField, string | undefined][]) {
    if (!header) continue;
    const index = normalised.indexOf(normaliseHeader(header));
    if (index < 0) missing.push(header);
    else columns[field] = index;
  }
  return { columns, missing };
}

/** Counts how many headers of a row are known aliases: the header row is the first row that names several. */
export function aliasHits(cells: string[]): number {
  const all = new Set(NORMALISED_ALIASES.flatMap(([, aliases]) => aliases));
  return cells.reduce((n, c) => n + (all.has(normaliseHeader(c)) ? 1 : 0), 0);
}
