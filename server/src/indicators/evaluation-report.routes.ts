import type { Express, NextFunction, Request, Response } from "express";
import { readSessionToken } from "../auth/session-cookie.js";
import type { Config } from "../config.js";
import { DomainError, httpErrorOf, unauthenticated } from "../core/errors.js";
import { attachment } from "../directory-export/directory-export.routes.js";
import type { RequestServices } from "../request-services.js";
import { evaluationCsv, writeEvaluationXlsx } from "./evaluation-report.export.js";

/**
 * GET /export/evaluation-report.xlsx?fiscalYear=2024 and GET /export/evaluation-report.csv?fiscalYear=2024: the
 * evaluation report as files. Staff data, so the session cookie says who asks and the service applies the same policy
 * as `evaluationReport` (no person is in it; the files hold aggregates only).
 */
export function useEvaluationReportRoutes(
  app: Express,
  services: RequestServices,
  config: Pick<Config, "cookieSecure">,
): void {
  const load = async (req: Request) => {
    const viewer = await services.auth.viewerForToken(readSessionToken(req, config.cookieSecure));
    if (!viewer) throw unauthenticated();
    const year =
      typeof req.query.fiscalYear === "string" && /^\d{4}$/.test(req.query.fiscalYear)
        ? Number(req.query.fiscalYear)
        : NaN;
    return services.indicators.computed(viewer, year);
  };

  app.get("/export/evaluation-report.xlsx", async (req, res, next) => {
    try {
      const { report, narratives } = await load(req);
      res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      res.setHeader("Cache-Control", "no-store");
      attachment(res, `evaluation-report-${report.fiscalYear}.xlsx`, `実施状況報告_${report.fiscalYear}年度.xlsx`);
      await writeEvaluationXlsx(report, narratives, res);
      res.end();
    } catch (err) {
      next(err);
    }
  });

  app.get("/export/evaluation-report.csv", async (req, res, next) => {
    try {
      const { report } = await load(req);
      res.setHeader("Content-Type", "text/csv; charset=UTF-8");
      res.setHeader("Cache-Control", "no-store");
      attachment(res, `evaluation-report-${report.fiscalYear}.csv`, `実施状況報告_${report.fiscalYear}年度.csv`);
      res.send(evaluationCsv(report));
    } catch (err) {
      next(err);
    }
  });

  app.use(
    ["/export/evaluation-report.xlsx", "/export/evaluation-report.csv"],
    (err: unknown, _req: Request, res: Response, next: NextFunction) => {
      if (err instanceof DomainError) {
        res.setHeader("Cache-Control", "no-store");
        const { status, body } = httpErrorOf(err);
        res.status(status).json(body);
        return;
      }
      next(err);
    },
  );
}
