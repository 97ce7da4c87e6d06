/**
 * The fields a city's columns can fill, in tsunagu's terms. A layout (正式版, 子ども食堂一覧, …) is a list of aliases
 * per field; a user's own sheet is a `ColumnMapping` picked once in the import page and saved by name.
 */
export const CATALOG_FIELDS = [
  "sourceId", // ID / No / #property
  "localGovernmentCode", // 全国地方公共団体コード / 都道府県コード又は市区町村コード
  "localGovernmentName", // 地方公共団体名 / 市区町村名
  "name",
  "nameKana",
  "kindText", // 種別 / 実施サービス / 設置目的
  "description",
  "organizationName", // 団体名 / 法人の名称 / 運営団体名
  "address", // 所在地_連結表記 / 住所
  "addressPrefecture",
  "addressCity",
  "addressTown",
  "addressRest",
  "building", // 建物名等(方書) / 方書
  "lat",
  "lng",
  "phone",
  "phone2",
  "email",
  "url",
  "weekdays", // 利用可能曜日 / 開催曜日 / availableDate
  "frequency", // 開催頻度
  "dayText", // 開催日 (子ども食堂一覧: 「第４土曜日」…)
  "startDate", // 開始日 (イベント一覧)
  "endDate", // 終了日 (イベント一覧)
  "startTime",
  "endTime",
  "scheduleNote", // 利用可能日時特記事項 / 開催日時特記事項 / availableDateNote
  "closedDays", // 定休日
  "capacity",
  "costText",
  "targetText", // 対象者 / 受入年齢 / 参加条件
  "activityText", // 活動内容 / service
  "note", // 備考
  // MHLW 通いの場: a start and end time per day class.
  "weekdayStart",
  "weekdayEnd",
  "saturdayStart",
  "saturdayEnd",
  "sundayStart",
  "sundayEnd",
  "holidayStart",
  "holidayEnd",
  "pickup", // 送迎の有無
  // Provenance columns some merged files carry (the Tokyo 子ども食堂 file: _自治体名, _データセット名, _ライセンス).
  "publisher",
  "dataset",
  "licence",
  "sourceUrl",
] as const;

export type CatalogField = (typeof CATALOG_FIELDS)[number];

/**
 * A user's own layout: tsunagu field → the header of the column that holds it, e.g. `{ "name": "施設名", "address":
 * "所在地" }`. Plain JSON, so the import service can store it under a name and hand it back next month.
 */
export type ColumnMapping = Partial<Record<CatalogField, string>>;
