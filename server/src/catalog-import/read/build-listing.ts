import { RESOURCE_KIND_LABELS } from "@tsunagu/labels";
import { ResourceKind, TargetGroup, TransportOption } from "../../resources/resource.enums.js";
import { Weekday } from "../../schedules/schedule.value.js";
import type { ImportedListing, ImportedListingValues, ListingSource, Repair } from "../imported-listing.js";
import { buildSchedule, type Cell } from "./build-schedule.js";
import type { CatalogField } from "./column-mapping.js";
import { coerceDate } from "./coerce-date.js";
import { coerceCoordinates, coerceLgCode } from "./coerce-place.js";
import { cleanAddress, cleanEmail, cleanPhone, cleanText, coerceFlag, coerceInteger } from "./coerce-values.js";
import { kindFromText, refinesDatasetKind } from "./guess-kind.js";
import type { ColumnIndex } from "./layouts.js";
import { RowLog } from "./repair-log.js";
import { comparisonKey } from "./text-normalise.js";

/** What every row of one file shares. */
export interface FileContext {
  headers: string[];
  columns: ColumnIndex;
  dataset: string;
  datasetKind: ResourceKind | null;
  weekdaysMeanWeekly: boolean;
  defaultKind: ResourceKind | null;
  source: Partial<ListingSource>;
  /** The file name without its extension: the publisher of last resort. */
  fileStem: string;
  repairs: Repair[];
  /** One copy of each text that repeats on every row (publisher, licence, 出典…): 100,000 rows hold it once. */
  intern: (text: string) => string;
}

export type RowOutcome =
  | { ok: true; listing: ImportedListing; idFromColumn: boolean }
  | {
      ok: false;
      reason: string;
      /** No name: perhaps an add-on row of an earlier row with the same ID. */
      nameless: boolean;
      sourceId: string | null;
      publisher: string;
      dataset: string;
      address: string;
    };

const TARGET_WORDS: [RegExp, TargetGroup][] = [
  [/どなたでも|誰でも|だれでも|制限なし|地域住民|一般/, TargetGroup.ALL_RESIDENTS],
  [/高齢|シニア|\d{2}歳以上/, TargetGroup.ELDERLY],
  [/乳幼児|親子|子育て|未就学|0歳|0~/, TargetGroup.CHILD_REARING],
  [/子ども|こども|子供|児童|小学生|中学生|高校生/, TargetGroup.CHILDREN],
  [/妊婦|妊娠/, TargetGroup.PREGNANT],
];
const LIST_SEPARATORS = /[、,;；・\n]+/;
const PROVENANCE_FIELDS: CatalogField[] = ["publisher", "dataset", "licence", "sourceUrl"];
const MHLW_DAY_CLASSES = [
  {
    label: "平日",
    days: [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI],
    start: "weekdayStart",
    end: "weekdayEnd",
  },
  { label: "土曜", days: [Weekday.SAT], start: "saturdayStart", end: "saturdayEnd" },
  { label: "日曜", days: [Weekday.SUN], start: "sundayStart", end: "sundayEnd" },
] as const;

/** An ID as a key: NFKC, and an all-digit ID without leading zeros (a spreadsheet writes 000000000007 as 7). */
export const canonicalId = (raw: string): string => {
  const folded = raw.normalize("NFKC").trim();
  return /^\d+$/.test(folded) ? folded.replace(/^0+(?=\d)/, "") : folded;
};

/** A source id made of the name and address, for rows without an ID (or whose IDs are not unique). */
export const placeSourceId = (name: string, address: string | null | undefined): string =>
  `名称+所在地:${comparisonKey(name)}|${comparisonKey(address ?? "")}`;

/** One data row → a listing, or the reason it cannot be imported. Never throws on bad data. */
export function buildListing(cells: string[], rowNumber: number, file: FileContext): RowOutcome {
  const log = new RowLog(rowNumber, file.repairs);
  const column = (field: CatalogField): string => {
    const i = file.columns[field];
    return i === undefined ? field : file.headers[i];
  };
  const get = (field: CatalogField): string => {
    const i = file.columns[field];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const cell = (field: CatalogField): Cell | undefined =>
    file.columns[field] === undefined ? undefined : { column: column(field), raw: get(field) };
  const text = (field: CatalogField): string | null => (get(field) ? cleanText(get(field), column(field), log) : null);

  const publisher = file.intern(
    get("publisher") || file.source.publisher || get("localGovernmentName") || file.fileStem,
  );
  const dataset = file.intern(get("dataset") || file.source.dataset || file.dataset);
  const rawId = get("sourceId");
  const name = text("name") ?? "";
  let address = get("address") ? cleanAddress(get("address"), column("address"), log) : null;
  if (!address) {
    const parts = (["addressPrefecture", "addressCity", "addressTown", "addressRest"] as const).map(get).join("");
    address = parts ? cleanAddress(parts, "所在地", log) : null;
  }
  // Only a row without a name can be blank: a merged file fills its provenance columns even on an empty row.
  const blank: boolean =
    !name && cells.every((c, i) => c.trim() === "" || PROVENANCE_FIELDS.some((f) => file.columns[f] === i));
  const reject = (reason: string): RowOutcome => ({
    ok: false,
    reason,
    nameless: !blank && !name,
    sourceId: rawId ? canonicalId(rawId) : null,
    publisher,
    dataset,
    address: address ?? "",
  });
  if (blank) return reject("空の行です（値が入っていません）");
  if (!name) return reject("名称がありません");

  const coordinates = coerceCoordinates(get("lat"), get("lng"), { lat: column("lat"), lng: column("lng") }, log);
  if (!coordinates.ok) return reject(coordinates.reason);

  const lgCode = get("localGovernmentCode")
    ? coerceLgCode(get("localGovernmentCode"), column("localGovernmentCode"), `${address ?? ""}${publisher}`, log)
    : null;

  const kindCell = get("kindText");
  const columnKind = kindCell ? kindFromText(kindCell) : null;
  const nameKind = kindFromText(name);
  let kind: ResourceKind;
  let kindGuess: ImportedListing["kindGuess"];
  if (columnKind) {
    kind = columnKind;
    kindGuess = { from: "KIND_COLUMN", text: file.intern(kindCell) };
  } else if (file.datasetKind && refinesDatasetKind(file.datasetKind, nameKind)) {
    kind = nameKind!;
    kindGuess = { from: "NAME", text: name };
  } else if (file.datasetKind) {
    kind = file.datasetKind;
    kindGuess = { from: "DEFAULT", text: `${file.dataset}の行` };
  } else if (nameKind) {
    kind = nameKind;
    kindGuess = { from: "NAME", text: name };
  } else {
    kind = file.defaultKind ?? ResourceKind.IBASHO;
    kindGuess = { from: "DEFAULT", text: kindCell || name };
    log.review(
      `種別${kindCell ? `「${kindCell}」` : ""}・名称から種類を判断できないため、既定の「${RESOURCE_KIND_LABELS[kind]}」にしました`,
    );
  }

  const dates = [get("startDate") && coerceDate(get("startDate"), column("startDate"), log)].filter(
    (d): d is string => !!d,
  );
  const end = get("endDate") ? coerceDate(get("endDate"), column("endDate"), log) : null;
  if (dates[0] && end && end > dates[0]) dates.push(...daysBetween(dates[0], end, log));

  const schedule = buildSchedule(
    {
      weekdays: cell("weekdays"),
      start: cell("startTime"),
      end: cell("endTime"),
      // MHLW's 通いの場 file says which weeks only in its free text (備考, その他).
      texts: (file.columns.weekdayStart === undefined
        ? (["frequency", "dayText", "scheduleNote", "closedDays"] as const)
        : (["frequency", "dayText", "scheduleNote", "closedDays", "note"] as const)
      ).flatMap((f) => {
        const c = cell(f);
        return c ? [{ column: c.column, raw: c.raw.includes("改行") ? cleanText(c.raw, c.column, log) : c.raw }] : [];
      }),
      weekdaysMeanWeekly: file.weekdaysMeanWeekly,
      dayClassTimes:
        file.columns.weekdayStart === undefined
          ? undefined
          : MHLW_DAY_CLASSES.map((c) => ({
              label: c.label,
              days: [...c.days],
              start: cell(c.start),
              end: cell(c.end),
            })),
      dates,
    },
    log,
  );

  const values: ImportedListingValues = { name, kind, address, lat: coordinates.lat, lng: coordinates.lng };
  const set = <K extends keyof ImportedListingValues>(key: K, value: ImportedListingValues[K] | null | undefined) => {
    if (value !== null && value !== undefined) values[key] = value;
  };
  set("nameKana", text("nameKana"));
  set("description", [text("description"), text("note")].filter(Boolean).join("\n") || null);
  set("venueName", text("building"));
  set("schedule", schedule);
  set("capacity", get("capacity") ? coerceInteger(get("capacity"), column("capacity"), log) : null);
  set("costPerSessionYen", get("costText") ? coerceInteger(get("costText"), column("costText"), log) : null);
  set("contactPhone", get("phone") ? cleanPhone(get("phone"), column("phone"), log) : null);
  set("contactPhone2", get("phone2") ? cleanPhone(get("phone2"), column("phone2"), log) : null);
  set("contactEmail", get("email") ? cleanEmail(get("email"), column("email"), log) : null);
  const targetText = text("targetText");
  if (targetText) {
    const groups = TARGET_WORDS.filter(([p]) => p.test(targetText.normalize("NFKC"))).map(([, g]) => g);
    if (groups.length) set("targetGroups", groups);
  }
  const activityText = text("activityText");
  if (activityText)
    set(
      "activities",
      activityText
        .split(LIST_SEPARATORS)
        .map((a) => a.trim())
        .filter(Boolean),
    );
  if (get("pickup") && coerceFlag(get("pickup"), column("pickup"), log))
    set("transportOptions", [TransportOption.PICKUP]);

  const licence = file.intern(get("licence") || file.source.licence || "") || null;
  const idFromColumn = rawId !== "";
  const source: ListingSource = {
    publisher,
    dataset,
    // The row's ID / No / #property when it has one; else a key made of its name and address, which stays the
    // same next month as long as the city does not rename or move the place.
    sourceId: idFromColumn ? canonicalId(rawId) : placeSourceId(name, address),
    licence,
    attribution:
      file.source.attribution ?? (licence ? file.intern(`出典：${publisher} ${dataset} (${licence})`) : null),
    fileDate: file.source.fileDate ?? null,
    localGovernmentCode: lgCode,
    sourceUrl: file.intern(get("sourceUrl") || file.source.sourceUrl || "") || null,
  };
  return {
    ok: true,
    idFromColumn,
    listing: {
      rowNumber,
      source,
      organizationName: text("organizationName"),
      values,
      kindGuess,
      needsReview: log.needsReview,
    },
  };
}

/** The days after `start` up to `end` (an event's 開始日–終了日), at most a month of them. */
function daysBetween(start: string, end: string, log: RowLog): string[] {
  const days: string[] = [];
  const DAY_MS = 86_400_000;
  for (let t = Date.parse(start) + DAY_MS; t <= Date.parse(end) && days.length < 31; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  if (days.length === 31) log.review(`開始日から終了日まで1か月を超えるため、最初の1か月の日付だけを読みました`);
  return days;
}
