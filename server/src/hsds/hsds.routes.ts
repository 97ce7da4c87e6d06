import type { Express, Request, Response } from "express";
import { writeHsdsPackage } from "./hsds-package.js";
import type { HsdsQuery, HsdsDirectoryService } from "./hsds.service.js";

/** The HSDS API's page size when the client names none, and the most it may ask for. */
const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 1_000;

class BadQuery {
  constructor(readonly message: string) {}
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const bool = (v: unknown): boolean => v === "true" || v === "1";

function positive(v: unknown, name: string, fallback: number, max: number): number {
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BadQuery(`${name} は 1〜${max} の整数で指定してください`);
  return n;
}

function queryOf(req: Request): HsdsQuery {
  const q = req.query;
  const modified = text(q.modified_after);
  const modifiedAfter = modified ? new Date(modified) : null;
  if (modifiedAfter && Number.isNaN(modifiedAfter.getTime()))
    throw new BadQuery("modified_after は ISO 8601 の日時で指定してください");
  return {
    search: text(q.search),
    page: positive(q.page, "page", 1, 1_000_000),
    perPage: positive(q.per_page, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
    organizationId: text(q.organization_id),
    taxonomyTermId: text(q.taxonomy_term_id),
    taxonomyId: text(q.taxonomy_id),
    modifiedAfter,
    full: bool(q.full),
  };
}

function answer(res: Response, body: unknown) {
  if (body === null) {
    return res.status(404).json({
      errors: [{ message: "見つかりません", extensions: { code: "NOT_FOUND", requestId: res.locals.requestId } }],
    });
  }
  res.setHeader("Cache-Control", "no-cache");
  return res.json(body);
}

/** Wraps a handler so that a BadQuery answers 400 (others go to the app's error handler). */
const handle = (fn: (req: Request, res: Response) => unknown) => async (req: Request, res: Response) => {
  try {
    await fn(req, res);
  } catch (err) {
    if (!(err instanceof BadQuery)) throw err;
    res.status(400).json({
      errors: [{ message: err.message, extensions: { code: "BAD_USER_INPUT", requestId: res.locals.requestId } }],
    });
  }
};

/**
 * The HSDS 3.0 API (read-only, public like the directory), at /hsds per the standard's openapi.json, and the tabular
 * package at /hsds/package.zip.
 */
export function useHsdsRoutes(app: Express, hsds: HsdsDirectoryService): void {
  app.get(
    "/hsds",
    handle((req, res) =>
      answer(res, {
        version: "3.0",
        profile: "https://docs.openreferral.org/en/v3.0/hsds/overview/",
        openapi_url: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
      }),
    ),
  );
  app.get(
    "/hsds/services",
    handle(async (req, res) => answer(res, await hsds.services(queryOf(req)))),
  );
  app.get(
    "/hsds/services/:id",
    handle(async (req, res) => answer(res, await hsds.service(String(req.params.id)))),
  );
  app.get(
    "/hsds/service_at_locations",
    handle(async (req, res) => answer(res, await hsds.serviceAtLocations(queryOf(req)))),
  );
  app.get(
    "/hsds/service_at_locations/:id",
    handle(async (req, res) => answer(res, await hsds.serviceAtLocation(String(req.params.id)))),
  );
  app.get(
    "/hsds/organizations",
    handle(async (req, res) =>
      answer(res, await hsds.organizations({ ...queryOf(req), fullService: bool(req.query.full_service) })),
    ),
  );
  app.get(
    "/hsds/organizations/:id",
    handle(async (req, res) =>
      answer(res, await hsds.organization(String(req.params.id), bool(req.query.full_service))),
    ),
  );
  app.get(
    "/hsds/taxonomies",
    handle((req, res) => answer(res, hsds.taxonomies(queryOf(req)))),
  );
  app.get(
    "/hsds/taxonomies/:id",
    handle((req, res) => answer(res, hsds.taxonomy(String(req.params.id)))),
  );
  app.get(
    "/hsds/taxonomy_terms",
    handle((req, res) => answer(res, hsds.taxonomyTerms(queryOf(req)))),
  );
  app.get(
    "/hsds/taxonomy_terms/:id",
    handle((req, res) => answer(res, hsds.taxonomyTerm(String(req.params.id)))),
  );
  app.get(
    "/hsds/package.zip",
    handle(async (_req, res) => {
      const { zip, done } = await writeHsdsPackage(hsds);
      res.setHeader("Content-Type", "application/zip");
      res.setHeader("Cache-Control", "no-store");
      res.setHeader(
        "Content-Disposition",
        `attachment; filename="hsds-package.zip"; filename*=UTF-8''${encodeURIComponent("社会資源_HSDS3.0.zip")}`,
      );
      res.on("close", () => void done());
      zip.pipe(res);
    }),
  );
}
