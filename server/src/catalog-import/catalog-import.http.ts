import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { readSessionToken } from "../auth/session-cookie.js";
import type { Config } from "../config.js";
import { DomainError, httpErrorOf, unauthenticated } from "../core/errors.js";
import type { RequestServices } from "../request-services.js";
import { MAX_UPLOAD_BYTES } from "./catalog-import.service.js";
import { importOptionsOf } from "./catalog-import.resolver.js";
import type { ImportOptionsInput } from "./catalog-import.types.js";

/**
 * Files do not fit a GraphQL variable: they are posted here as raw bytes, kept server-side, and named by the id this
 * returns; `catalogImport(id)` previews them and `importResources` imports them.
 *
 *   POST /api/catalog-imports            body: the file; Content-Type: application/octet-stream; X-File-Name: (URI-encoded)
 *   GET  /api/catalog-imports/:id/report.csv?options=<ImportOptionsInput as JSON>   the preview as CSV
 *
 * The session cookie says who posts. Cross-site requests cannot: the cookie is SameSite=Strict, and a page elsewhere
 * can send neither this content type nor the X-File-Name header without a CORS preflight, which has no allowed origin.
 */
export function useCatalogImportRoutes(
  app: Express,
  services: RequestServices,
  config: Pick<Config, "cookieSecure">,
): void {
  const viewerOf = async (req: Request) => {
    const viewer = await services.auth.viewerForToken(readSessionToken(req, config.cookieSecure));
    if (!viewer) throw unauthenticated();
    return viewer;
  };

  app.post(
    "/api/catalog-imports",
    (req, res, next) => {
      res.setHeader("Cache-Control", "no-store");
      if (!req.is("application/octet-stream") || !req.header("x-file-name")) {
        res.status(415).json({
          error: {
            code: "UNSUPPORTED_MEDIA_TYPE",
            message: "ファイルは Content-Type: application/octet-stream と X-File-Name で送ってください",
          },
        });
        return;
      }
      next();
    },
    express.raw({ type: "application/octet-stream", limit: MAX_UPLOAD_BYTES }),
    async (req, res, next) => {
      try {
        const viewer = await viewerOf(req);
        let fileName: string;
        try {
          fileName = decodeURIComponent(req.header("x-file-name")!);
        } catch {
          fileName = "";
        }
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const upload = await services.catalogImports.upload(viewer, fileName, body);
        res.status(201).json({ id: upload.id, fileName: upload.fileName, size: upload.size });
      } catch (err) {
        next(err);
      }
    },
  );

  app.get("/api/catalog-imports/:id/report.csv", async (req, res, next) => {
    try {
      const viewer = await viewerOf(req);
      let options: ImportOptionsInput | null = null;
      if (typeof req.query.options === "string" && req.query.options) {
        try {
          options = JSON.parse(req.query.options) as ImportOptionsInput;
        } catch {
          throw new DomainError("BAD_USER_INPUT", "options が JSON ではありません");
        }
      }
      const csv = await services.catalogImports.report(viewer, String(req.params.id), importOptionsOf(options));
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader(
        "Content-Disposition",
        `attachment; filename="import-report.csv"; filename*=UTF-8''${encodeURIComponent("取り込みレポート.csv")}`,
      );
      res.send(csv);
    } catch (err) {
      next(err);
    }
  });

  app.use("/api/catalog-imports", (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof DomainError) {
      const { status, body } = httpErrorOf(err);
      res.status(status).json(body);
      return;
    }
    if ((err as { type?: string }).type === "entity.too.large") {
      res.status(413).json({ error: { code: "PAYLOAD_TOO_LARGE", message: "ファイルが大きすぎます (50MBまで)" } });
      return;
    }
    next(err);
  });
}
