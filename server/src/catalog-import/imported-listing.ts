import type { Eligibility } from "../resources/eligibility.js";
import type {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import type { ScheduleValue } from "../schedules/schedule.value.js";

/**
 * What a city's file says, read and repaired, before it meets the database: the contract between the readers
 * (one per layout: 正式版, 推奨 v1, 子ども食堂一覧, MHLW 通いの場, 高松市 English headers, HSDS 3.0, a saved column
 * mapping) and the import service that previews and commits. Readers never write; the service never parses.
 */

/** Which published layout the headers were recognised as (or the user's own mapping). */
export type LayoutId =
  | "DIGITAL_AGENCY_CHILDCARE" // 正式版 子育て施設一覧
  | "DIGITAL_AGENCY_CARE_SERVICE" // 正式版 介護サービス事業所一覧
  | "DIGITAL_AGENCY_PUBLIC_FACILITY" // 正式版 公共施設一覧
  | "DIGITAL_AGENCY_EVENT" // 正式版 イベント一覧
  | "RECOMMENDED_V1" // 推奨データセット v1 (any of the four)
  | "KODOMO_SHOKUDO" // 子ども食堂一覧 (and the 49-column variant)
  | "MHLW_KAYOI_NO_BA" // 厚生労働省 通いの場 open data
  | "TAKAMATSU_ENGLISH" // name, address, latitude, longitude, availableDate, startTime, …
  | "HSDS_3" // HSDS 3.0 tabular package or JSON
  | "CUSTOM_MAPPING"; // the user's own column mapping

/** How the bytes were read. */
export type SourceEncoding = "UTF8_BOM" | "UTF8" | "CP932" | "XLSX" | "JSON";

/** Where a listing came from: kept on the listing, so that next month's file updates it instead of duplicating it. */
export interface ListingSource {
  /** 公開者, e.g. 「武蔵村山市」 or 「厚生労働省」. */
  publisher: string;
  /** The dataset's name, e.g. 「子ども食堂一覧」. */
  dataset: string;
  /** The row's id within the dataset (its ID / No column, else a key made from name and address). */
  sourceId: string;
  /** e.g. 「CC BY 4.0」; null when the file does not say. */
  licence: string | null;
  /** 出典 as it must be shown, e.g. 「出典：武蔵村山市 子ども食堂一覧 (CC BY 4.0)」. */
  attribution: string | null;
  /** The file's date (YYYY-MM-DD) when known. */
  fileDate: string | null;
  /** The publisher's 6-digit 全国地方公共団体コード (with check digit), when the file gives it. */
  localGovernmentCode?: string | null;
  /** Where the file (or, in a merged file, the row) was downloaded from, when known (`_取得元URL`). */
  sourceUrl?: string | null;
}

/** The listing's own values, in tsunagu's terms. Absent = the file says nothing (an update leaves it as it is). */
export interface ImportedListingValues {
  name: string;
  nameKana?: string | null;
  kind: ResourceKind;
  /** Only an HSDS file says it (a city's list is of current places). */
  status?: ResourceStatus;
  description?: string;
  targetGroups?: TargetGroup[];
  eligibility?: Eligibility;
  rolesOffered?: ParticipationRole[];
  activities?: string[];
  venueName?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  citywide?: boolean;
  homeBased?: boolean;
  visiting?: boolean;
  schedule?: ScheduleValue;
  capacity?: number | null;
  openings?: number | null;
  costPerSessionYen?: number;
  accessibility?: Accessibility[];
  nearestStop?: string | null;
  transportOptions?: TransportOption[];
  visitAllowed?: boolean;
  trialAllowed?: boolean;
  contactName?: string | null;
  contactPhone?: string | null;
  /** A second number (子ども食堂一覧's 電話番号2). */
  contactPhone2?: string | null;
  contactEmail?: string | null;
}

export interface ImportedListing {
  /** Row number in the file as a spreadsheet shows it (the header row is 1). */
  rowNumber: number;
  source: ListingSource;
  /** The host organization's name as the file gives it (団体名, 法人の名称, 運営団体…); null = the import's default. */
  organizationName: string | null;
  values: ImportedListingValues;
  /** How `values.kind` was chosen, shown in the preview: from 種別, from the name, or the import's default. */
  kindGuess: { from: "KIND_COLUMN" | "NAME" | "DEFAULT"; text: string };
  /** 要確認: what a person should check (a schedule kept only as text, an ambiguous kind…). */
  needsReview: string[];
}

/** One change made to a value so that it could be read; every one is reported, none is silent. */
export interface Repair {
  rowNumber: number;
  column: string;
  before: string;
  after: string;
  /** e.g. FULLWIDTH_DIGITS, EXCEL_SERIAL_TIME, WAREKI_DATE, SWAPPED_COORDINATES, LEADING_ZERO, WEEKDAY_STRING… */
  rule: string;
}

export interface RejectedRow {
  rowNumber: number;
  /** Japanese, for the preview and the downloadable report. */
  reason: string;
  /** Set when the row is the same place as an earlier row of the file: that row's number (the one kept). */
  duplicateOf?: number;
}

/** A whole file, read. */
export interface ParsedCatalogFile {
  layout: LayoutId;
  encoding: SourceEncoding;
  /** The sheet read, for .xlsx. */
  sheet: string | null;
  headers: string[];
  listings: ImportedListing[];
  repairs: Repair[];
  rejected: RejectedRow[];
}
