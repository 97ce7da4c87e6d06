import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
  ArrayMaxSize,
} from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { IsCalendarDate, ja } from "../core/validators.js";
import { CATALOG_FIELDS } from "./read/read-catalog-file.js";

export enum CatalogImportState {
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
}
registerEnumType(CatalogImportState, { name: "CatalogImportState", description: "取り込み中 / 完了 / 失敗" });

@InputType({ description: "列の対応: つなぐの項目 ← ファイルの列見出し" })
export class ColumnMappingEntryInput {
  @Field(() => String, { description: `項目 (${CATALOG_FIELDS.join(", ")})` })
  @IsIn(CATALOG_FIELDS, ja("つなぐの項目名が正しくありません"))
  field: string;

  @Field(() => String, { description: "ファイルの列見出し" })
  @IsString()
  @MinLength(1, ja("列見出しを入力してください"))
  @MaxLength(200, ja("列見出しは200文字以内にしてください"))
  column: string;
}

@InputType({ description: "ファイルの読み方と、ファイルに書かれていない出典の情報" })
export class ImportOptionsInput {
  @Field(() => String, { nullable: true, description: "Excel のシート名 (省略時は最初のシート)" })
  @IsOptional()
  @MaxLength(200, ja("シート名は200文字以内にしてください"))
  sheet?: string | null;

  @Field(() => [ColumnMappingEntryInput], { nullable: true, description: "独自の列の対応 (見出しで判別できない表)" })
  @IsOptional()
  @ArrayMaxSize(CATALOG_FIELDS.length, ja("列の対応が多すぎます"))
  @ValidateNested({ each: true })
  mapping?: ColumnMappingEntryInput[] | null;

  @Field(() => String, { nullable: true, description: "保存した列の対応の名前" })
  @IsOptional()
  @MaxLength(100, ja("名前は100文字以内にしてください"))
  mappingName?: string | null;

  @Field(() => String, { nullable: true, description: "公開者 (例: 武蔵村山市)" })
  @IsOptional()
  @MinLength(1, ja("公開者を入力してください"))
  @MaxLength(100, ja("公開者は100文字以内にしてください"))
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "データセット名 (例: 子ども食堂一覧)" })
  @IsOptional()
  @MinLength(1, ja("データセット名を入力してください"))
  @MaxLength(100, ja("データセット名は100文字以内にしてください"))
  dataset?: string | null;

  @Field(() => String, { nullable: true, description: "ライセンス (例: CC BY 4.0)" })
  @IsOptional()
  @MaxLength(100, ja("ライセンスは100文字以内にしてください"))
  licence?: string | null;

  @Field(() => String, { nullable: true, description: "出典の表記" })
  @IsOptional()
  @MaxLength(300, ja("出典は300文字以内にしてください"))
  attribution?: string | null;

  @Field(() => String, { nullable: true, description: "ファイルの日付 (YYYY-MM-DD)" })
  @IsOptional()
  @IsCalendarDate()
  fileDate?: string | null;
}

@InputType()
export class ImportResourcesInput extends ImportOptionsInput {
  @Field(() => ID, { description: "POST /api/catalog-imports が返した id" })
  @IsUUID("all", ja("取り込むファイルの id が正しくありません"))
  importId: string;

  @Field(() => Boolean, { defaultValue: false, description: "つなぐで編集された資源も上書きする" })
  @IsBoolean()
  overwriteEdited: boolean = false;

  @Field(() => Boolean, { defaultValue: false, description: "ファイルから消えた資源を「終了」にする (削除はしない)" })
  @IsBoolean()
  archiveDisappeared: boolean = false;

  @Field(() => String, { nullable: true, description: "この列の対応をこの名前で保存する" })
  @IsOptional()
  @MinLength(1, ja("名前を入力してください"))
  @MaxLength(100, ja("名前は100文字以内にしてください"))
  saveMappingAs?: string | null;
}

@ObjectType()
export class ColumnMappingEntry {
  @Field(() => String)
  field: string;

  @Field(() => String)
  column: string;
}

@ObjectType({ description: "保存した列の対応" })
export class SavedColumnMappingView {
  @Field(() => String)
  name: string;

  @Field(() => [ColumnMappingEntry])
  mapping: ColumnMappingEntry[];
}

@ObjectType()
export class ImportProgress {
  @Field(() => Int)
  done: number;

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: "取り込みの件数" })
export class ImportCounts {
  @Field(() => Int, { description: "行の数 (取り込めない行を含む)" })
  total: number;
  @Field(() => Int)
  create: number;
  @Field(() => Int)
  update: number;
  @Field(() => Int)
  unchanged: number;
  @Field(() => Int, { description: "つなぐで編集されていて、ファイルでも変わった資源" })
  conflict: number;
  @Field(() => Int)
  rejected: number;
  @Field(() => Int, { description: "同じIDが前の行にある行" })
  duplicate: number;
  @Field(() => Int)
  repairs: number;
  @Field(() => Int, { description: "前回の取り込みにあって、このファイルにない資源" })
  disappeared: number;
  @Field(() => Int, { description: "要確認の行" })
  needsReview: number;
}

@ObjectType({ description: "取り込みの結果" })
export class ImportResultView {
  @Field(() => Int)
  created: number;
  @Field(() => Int)
  updated: number;
  @Field(() => Int)
  unchanged: number;
  @Field(() => Int, { description: "編集が残された (上書きしなかった) 資源" })
  conflictsKept: number;
  @Field(() => Int)
  overwritten: number;
  @Field(() => Int)
  rejected: number;
  @Field(() => Int)
  duplicate: number;
  @Field(() => Int, { description: "「終了」にした資源" })
  archived: number;
  @Field(() => [ImportReportLine], {
    description: "プレビューの後に資源が変わっていた行 (処理はプレビューでの予定、理由は取り込みでしたこと)",
  })
  changedSincePreview: ImportReportLine[];
}

@ObjectType({ description: "取り込みレポートの1行" })
export class ImportReportLine {
  @Field(() => Int, { nullable: true, description: "ファイルの行番号 (見出しが1行目)" })
  rowNumber: number | null;

  @Field(() => String, {
    description:
      "CREATE, UPDATE, CONFLICT, REJECTED, DUPLICATE, REPAIR, NEEDS_REVIEW, KIND_GUESS, ARCHIVED_HOST, DISAPPEARED",
  })
  action: string;

  @Field(() => String)
  column: string;

  @Field(() => String)
  before: string;

  @Field(() => String)
  after: string;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: "前回の取り込みにあって、このファイルにない資源 (削除はしない)" })
export class DisappearedListingView {
  @Field(() => ID)
  resourceId: string;
  @Field(() => String)
  name: string;
  @Field(() => String)
  sourceId: string;
  @Field(() => String)
  status: string;
}

@ObjectType({ description: "取り込みのプレビュー (まだ何も書き込んでいない)" })
export class ImportPreview {
  @Field(() => String, { description: "判別した表の形式" })
  layout: string;
  @Field(() => String, { description: "文字コード (UTF8_BOM, UTF8, CP932, XLSX, JSON)" })
  encoding: string;
  @Field(() => String, { nullable: true })
  sheet: string | null;
  @Field(() => [String], { description: "Excel のシート名" })
  sheets: string[];
  @Field(() => [String])
  headers: string[];
  @Field(() => ImportCounts)
  counts: ImportCounts;
  @Field(() => [ImportReportLine], { description: "レポートの最初の行 (全体は CSV で)" })
  lines: ImportReportLine[];
  @Field(() => Int, { description: "レポートの行数" })
  lineCount: number;
  @Field(() => [DisappearedListingView])
  disappeared: DisappearedListingView[];
}

@ObjectType({ description: "取り込むファイル (アップロード済み)" })
export class CatalogImport {
  @Field(() => ID)
  id: string;
  @Field(() => String)
  fileName: string;
  @Field(() => Int, { description: "バイト数" })
  size: number;
  @Field(() => Date)
  createdAt: Date;
  @Field(() => CatalogImportState, { nullable: true, description: "取り込みを始めていなければ null" })
  state: CatalogImportState | null;
  @Field(() => ImportProgress, { nullable: true })
  progress: ImportProgress | null;
  @Field(() => ImportResultView, { nullable: true })
  result: ImportResultView | null;
  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType()
export class ImportResourcesPayload {
  @Field(() => CatalogImport)
  catalogImport: CatalogImport;
}
