import type { DataSource } from "typeorm";
import { badInput, conflict, forbidden, notFound, DomainError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { isUuid } from "../core/validators.js";
import type { Viewer } from "../core/viewer.js";
import { CatalogImportUpload, SavedColumnMapping } from "./catalog-import.entity.js";
import { catalogImportPolicy } from "./catalog-import.policy.js";
import type { ListingSource, ParsedCatalogFile } from "./imported-listing.js";
import { commitImport, previewImport, type ImportResult } from "./import-engine.js";
import type { ImportPlan } from "./import-plan.js";
import { listSheets, readCatalogFile, type ColumnMapping } from "./read/read-catalog-file.js";
import { reportCsv } from "./report-csv.js";

/** The largest file accepted (a city's whole 通いの場 list as .xlsx is a few MB; 100,000 CSV rows ~40 MB). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** How a file is read: its sheet, the user's column mapping, and the source facts the file does not carry. */
export interface ImportOptions {
  sheet?: string | null;
  mapping?: ColumnMapping | null;
  mappingName?: string | null;
  source?: Partial<ListingSource>;
}

export interface StartImportOptions extends ImportOptions {
  overwriteEdited?: boolean;
  archiveDisappeared?: boolean;
  saveMappingAs?: string | null;
}

export type ImportState = "RUNNING" | "DONE" | "FAILED";

export interface ReadFile {
  upload: CatalogImportUpload;
  parsed: ParsedCatalogFile;
  plan: ImportPlan;
  sheets: string[];
}

/** Uploads, previews, imports (in the background, with progress) and saved column mappings. */
export class CatalogImportService {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly db: DataSource,
    private readonly logger?: Logger,
  ) {}

  async upload(viewer: Viewer | null, fileName: string, bytes: Buffer): Promise<CatalogImportUpload> {
    if (!catalogImportPolicy.import(viewer)) throw forbidden();
    const name = fileName.trim();
    if (!name || name.length > 255) throw badInput("fileName", "ファイル名を確認してください");
    if (!bytes.length) throw badInput("file", "ファイルが空です");
    if (bytes.length > MAX_UPLOAD_BYTES) throw badInput("file", "ファイルが大きすぎます (50MBまで)");
    const repo = this.db.getRepository(CatalogImportUpload);
    const saved = await repo.save(
      repo.create({ fileName: name, bytes, size: bytes.length, uploadedById: viewer!.userId, state: null }),
    );
    // Old uploads are of no use once imported or abandoned: keep a day's worth.
    await this.db.query(
      "DELETE FROM catalog_import_upload WHERE created_at < now() - interval '1 day' AND state IS DISTINCT FROM 'RUNNING'",
    );
    return saved;
  }

  async get(viewer: Viewer | null, id: string): Promise<CatalogImportUpload> {
    if (!catalogImportPolicy.import(viewer)) throw forbidden();
    const upload = isUuid(id) ? await this.db.getRepository(CatalogImportUpload).findOneBy({ id }) : null;
    if (!upload) throw notFound("取り込むファイル");
    return upload;
  }

  /** Reads the upload with these options and plans the import. Writes nothing. */
  async preview(viewer: Viewer | null, id: string, options: ImportOptions): Promise<ReadFile> {
    const upload = await this.get(viewer, id);
    const { bytes } = (await this.db
      .getRepository(CatalogImportUpload)
      .createQueryBuilder("u")
      .select("u.id")
      .addSelect("u.bytes")
      .where("u.id = :id", { id })
      .getOne())!;
    const mapping = await this.mappingFor(options);
    let parsed: ParsedCatalogFile;
    try {
      parsed = await readCatalogFile(bytes, {
        fileName: upload.fileName,
        sheet: options.sheet ?? null,
        mapping,
        source: options.source,
      });
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw badInput(
        "input.importId",
        `ファイルを読み取れませんでした (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const plan = await previewImport(this.db, parsed);
    const sheets = upload.fileName.toLowerCase().endsWith(".xlsx") ? await listSheets(bytes) : [];
    return { upload, parsed, plan, sheets };
  }

  async report(viewer: Viewer | null, id: string, options: ImportOptions): Promise<Buffer> {
    const { parsed, plan } = await this.preview(viewer, id, options);
    return reportCsv(plan, parsed.repairs);
  }

  /**
   * Checks the input and plans the import (a bad input is refused here, before anything is written), then runs it in
   * the background; `catalogImport(id)` reports its progress and result.
   */
  async start(viewer: Viewer | null, id: string, options: StartImportOptions): Promise<CatalogImportUpload> {
    const { upload, plan } = await this.preview(viewer, id, options);
    if (upload.state === "RUNNING" || this.running.has(id)) throw conflict("このファイルはいま取り込み中です");
    if (options.saveMappingAs) {
      const mapping = await this.mappingFor(options);
      if (!mapping) throw badInput("input.saveMappingAs", "保存する列の対応がありません");
      await this.saveMapping(viewer, options.saveMappingAs, mapping);
    }
    const repo = this.db.getRepository(CatalogImportUpload);
    await repo.update(
      { id },
      { state: "RUNNING", progress: { done: 0, total: plan.counts.total }, result: null, error: null },
    );
    let progressWrite = Promise.resolve();
    const run = commitImport(this.db, plan, {
      overwriteEdited: options.overwriteEdited,
      archiveDisappeared: options.archiveDisappeared,
      actorUserId: viewer!.userId,
      fileName: upload.fileName,
      onProgress: (done, total) => {
        progressWrite = progressWrite.then(() =>
          repo.update({ id }, { progress: { done, total } }).then(() => undefined),
        );
      },
    })
      .then(async (result: ImportResult) => {
        await progressWrite;
        await repo.update({ id }, { state: "DONE", result: { ...result } });
      })
      .catch(async (err: unknown) => {
        this.logger?.error({ err, importId: id }, "catalog import failed");
        await progressWrite.catch(() => undefined);
        await repo.update(
          { id },
          {
            state: "FAILED",
            error:
              "取り込みの途中で問題が発生しました。取り込み済みの分は残っています。もう一度取り込むと続きから進みます",
          },
        );
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
    return (await repo.findOneBy({ id }))!;
  }

  /** Resolves once the import started on this upload has finished (tests, shutdown). */
  async waitFor(id: string): Promise<void> {
    await this.running.get(id);
  }

  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }

  async mappings(viewer: Viewer | null): Promise<SavedColumnMapping[]> {
    if (!catalogImportPolicy.import(viewer)) throw forbidden();
    return this.db.getRepository(SavedColumnMapping).find({ order: { name: "ASC" } });
  }

  async saveMapping(viewer: Viewer | null, name: string, mapping: ColumnMapping): Promise<SavedColumnMapping> {
    if (!catalogImportPolicy.import(viewer)) throw forbidden();
    const trimmed = name.trim();
    if (!trimmed) throw badInput("input.name", "名前を入力してください");
    const repo = this.db.getRepository(SavedColumnMapping);
    return repo.save(
      repo.create({ name: trimmed, mapping: mapping as Record<string, string>, savedById: viewer!.userId }),
    );
  }

  private async mappingFor(options: ImportOptions): Promise<ColumnMapping | null> {
    if (options.mapping) return options.mapping;
    if (!options.mappingName) return null;
    const saved = await this.db.getRepository(SavedColumnMapping).findOneBy({ name: options.mappingName });
    if (!saved) throw badInput("input.mappingName", "この名前の列の対応は保存されていません");
    return saved.mapping;
  }
}
