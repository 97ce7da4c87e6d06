import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_GROUP_LABELS,
  TRANSPORT_OPTION_LABELS,
} from "@tsunagu/labels";
import type { Resource } from "../resources/resource.entity.js";
import { describeSchedule } from "../schedules/schedule.js";

/** A cell: text, a number, or empty. Dates are written as text (JST) so that Excel never shifts them. */
export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  /** Column width in the .xlsx, in characters. */
  width: number;
  value: (r: Resource) => Cell;
}

const labels = <K extends string>(table: Record<K, string>, values: K[]) => values.map((v) => table[v]).join("、");
const yesNo = (b: boolean) => (b ? "可" : "");
const yes = (b: boolean) => (b ? "○" : "");
const jst = (d: Date | null) =>
  d ? new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " ") : null;

/** The directory's columns, in Japanese, with the listing's labels rather than its codes. */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: "ID", width: 38, value: (r) => r.id },
  { header: "名称", width: 30, value: (r) => r.name },
  { header: "よみがな", width: 30, value: (r) => r.nameKana },
  { header: "種類", width: 18, value: (r) => RESOURCE_KIND_LABELS[r.kind] },
  { header: "状態", width: 8, value: (r) => RESOURCE_STATUS_LABELS[r.status] },
  { header: "運営団体", width: 24, value: (r) => r.organization?.name ?? null },
  { header: "説明", width: 40, value: (r) => r.description },
  { header: "対象者", width: 20, value: (r) => labels(TARGET_GROUP_LABELS, r.targetGroups) },
  { header: "対象年齢(下限)", width: 8, value: (r) => r.eligibility.ageMin },
  { header: "対象年齢(上限)", width: 8, value: (r) => r.eligibility.ageMax },
  { header: "参加の形", width: 20, value: (r) => labels(PARTICIPATION_ROLE_LABELS, r.rolesOffered) },
  { header: "活動内容", width: 24, value: (r) => r.activities.join("、") },
  { header: "会場", width: 20, value: (r) => r.venueName },
  { header: "住所", width: 30, value: (r) => r.address },
  { header: "緯度", width: 11, value: (r) => r.lat },
  { header: "経度", width: 11, value: (r) => r.lng },
  { header: "市全域", width: 6, value: (r) => yes(r.citywide) },
  { header: "在宅で参加", width: 6, value: (r) => yes(r.homeBased) },
  { header: "訪問型", width: 6, value: (r) => yes(r.visiting) },
  { header: "日程", width: 36, value: (r) => describeSchedule(r.schedule) },
  { header: "日程の補足", width: 20, value: (r) => r.schedule.note },
  { header: "定員", width: 6, value: (r) => r.capacity },
  { header: "費用(円/回)", width: 8, value: (r) => r.costPerSessionYen },
  { header: "バリアフリー・配慮", width: 24, value: (r) => labels(ACCESSIBILITY_LABELS, r.accessibility) },
  { header: "最寄りのバス停・駅", width: 16, value: (r) => r.nearestStop },
  { header: "交通・送迎", width: 16, value: (r) => labels(TRANSPORT_OPTION_LABELS, r.transportOptions) },
  { header: "見学", width: 6, value: (r) => yesNo(r.visitAllowed) },
  { header: "体験", width: 6, value: (r) => yesNo(r.trialAllowed) },
  // The listing's public contact; never its 担当者名 (a named person), since anyone may download this file.
  { header: "電話番号", width: 14, value: (r) => r.contactPhone },
  { header: "電話番号2", width: 14, value: (r) => r.contactPhone2 },
  { header: "メールアドレス", width: 24, value: (r) => r.contactEmail },
  // The organization's 公開用の連絡先 only: its named contact person, phone and e-mail are staff-only.
  { header: "運営団体の電話番号", width: 14, value: (r) => r.organization?.publicPhone ?? null },
  { header: "運営団体のメールアドレス", width: 24, value: (r) => r.organization?.publicEmail ?? null },
  { header: "運営団体の連絡先の補足", width: 24, value: (r) => r.organization?.publicContactNote ?? null },
  { header: "最終確認日時", width: 16, value: (r) => jst(r.verifiedAt) },
  { header: "更新日時", width: 16, value: (r) => jst(r.updatedAt) },
];
