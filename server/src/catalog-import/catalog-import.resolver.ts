import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Audited } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import type { Context } from "../context.js";
import { RequireRole } from "../core/access.js";
import { DomainError } from "../core/errors.js";
import { CASEWORKERS } from "../core/roles.js";
import { Resource } from "../resources/index.js";
import { ResourceSource, type CatalogImportUpload } from "./catalog-import.entity.js";
import { catalogImportLoaders } from "./catalog-import.loaders.js";
import type { ImportOptions } from "./catalog-import.service.js";
import {
  CatalogImport,
  CatalogImportState,
  ImportOptionsInput,
  ImportPreview,
  ImportResourcesInput,
  ImportResourcesPayload,
  SavedColumnMappingView,
  type ColumnMappingEntryInput,
  type ImportResultView,
} from "./catalog-import.types.js";
import { reportLines } from "./import-plan.js";
import { CATALOG_FIELDS, type ColumnMapping } from "./read/read-catalog-file.js";

const MAX_PREVIEW_LINES = 500;

const toView = (u: CatalogImportUpload): CatalogImport => ({
  id: u.id,
  fileName: u.fileName,
  size: u.size,
  createdAt: u.createdAt,
  state: u.state as CatalogImportState | null,
  progress: u.progress,
  // An import finished before `changedSincePreview` existed has none.
  result: u.result ? ({ changedSincePreview: [], ...u.result } as unknown as ImportResultView) : null,
  error: u.error,
});

const toMapping = (entries: ColumnMappingEntryInput[] | null | undefined): ColumnMapping | null =>
  entries?.length ? Object.fromEntries(entries.map((e) => [e.field, e.column])) : null;

/** GraphQL's options → the service's (the source facts the file does not carry). */
export function importOptionsOf(input: ImportOptionsInput | null | undefined): ImportOptions {
  const source = Object.fromEntries(
    (["publisher", "dataset", "licence", "attribution", "fileDate"] as const)
      .filter((k) => input?.[k] != null)
      .map((k) => [k, input![k]!.trim()]),
  );
  return { sheet: input?.sheet, mapping: toMapping(input?.mapping), mappingName: input?.mappingName, source };
}

const mappingView = (name: string, mapping: Record<string, string>): SavedColumnMappingView => ({
  name,
  // In CATALOG_FIELDS' order: jsonb keeps no key order.
  mapping: CATALOG_FIELDS.filter((f) => mapping[f] !== undefined).map((field) => ({ field, column: mapping[field] })),
});

/** 取り込み: uploads are posted to /api/catalog-imports (catalog-import.http.ts); preview, import and progress here. */
@Resolver(() => CatalogImport)
export class CatalogImportResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => CatalogImport, { description: "アップロードした取り込みファイル (プレビューと進み具合)" })
  async catalogImport(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<CatalogImport> {
    return toView(await ctx.services.catalogImports.get(ctx.viewer, id));
  }

  @RequireRole(...CASEWORKERS)
  @Query(() => [SavedColumnMappingView], { description: "保存した列の対応" })
  async savedColumnMappings(@Ctx() ctx: Context): Promise<SavedColumnMappingView[]> {
    return (await ctx.services.catalogImports.mappings(ctx.viewer)).map((m) => mappingView(m.name, m.mapping));
  }

  @FieldResolver(() => ImportPreview, { description: "何が新規・更新・変更なし・取り込めないか (何も書き込まない)" })
  async preview(
    @Root() upload: CatalogImport,
    @Ctx() ctx: Context,
    @Arg("options", () => ImportOptionsInput, { nullable: true }) options: ImportOptionsInput | null,
    @Arg("first", () => Int, { defaultValue: 200, description: `レポートの最初の何行か (最大 ${MAX_PREVIEW_LINES})` })
    first: number,
  ): Promise<ImportPreview> {
    if (first < 0 || first > MAX_PREVIEW_LINES) {
      throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [
        { field: "first", messages: [`行数は0〜${MAX_PREVIEW_LINES}にしてください`] },
      ]);
    }
    const { parsed, plan, sheets } = await ctx.services.catalogImports.preview(
      ctx.viewer,
      upload.id,
      importOptionsOf(options),
    );
    const lines = [];
    let lineCount = 0;
    for (const line of reportLines(plan, parsed.repairs)) {
      if (lineCount++ < first) lines.push(line);
    }
    return {
      layout: parsed.layout,
      encoding: parsed.encoding,
      sheet: parsed.sheet,
      sheets,
      headers: parsed.headers,
      counts: plan.counts,
      lines,
      lineCount,
      disappeared: plan.disappeared.slice(0, MAX_PREVIEW_LINES),
    };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ImportResourcesPayload, {
    description: "プレビューのとおりに取り込む (バックグラウンドで進む; catalogImport(id) で進み具合)",
  })
  @Audited({
    action: AuditAction.WRITE,
    entityType: "CatalogImport",
    record: ({ args: [input] }) => ({ recordId: input.importId }),
    detail: ({ args: [input] }) => ({
      overwriteEdited: input.overwriteEdited,
      archiveDisappeared: input.archiveDisappeared,
    }),
  })
  async importResources(
    @Arg("input", () => ImportResourcesInput) input: ImportResourcesInput,
    @Ctx() ctx: Context,
  ): Promise<ImportResourcesPayload> {
    const upload = await ctx.services.catalogImports.start(ctx.viewer, input.importId, {
      ...importOptionsOf(input),
      overwriteEdited: input.overwriteEdited,
      archiveDisappeared: input.archiveDisappeared,
      saveMappingAs: input.saveMappingAs,
    });
    return { catalogImport: toView(upload) };
  }
}

/** 出典: where an imported listing came from, public like the directory (CC BY asks that it be shown). */
@Resolver(() => Resource)
export class ResourceSourceResolver {
  @FieldResolver(() => ResourceSource, { nullable: true, description: "出典 (市のオープンデータから取り込んだ資源)" })
  source(@Root() resource: Resource, @Ctx() ctx: Context): Promise<ResourceSource | null> {
    return ctx.loaders.of(catalogImportLoaders).source.load(resource.id);
  }
}
