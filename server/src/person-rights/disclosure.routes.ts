import { randomUUID } from "node:crypto";
import type { Express, NextFunction, Request, Response } from "express";
import { readSessionToken } from "../auth/session-cookie.js";
import type { Config } from "../config.js";
import { DomainError, httpErrorOf, unauthenticated } from "../core/errors.js";
import { attachment } from "../directory-export/directory-export.routes.js";
import type { RequestServices } from "../request-services.js";
import type { DisclosureService } from "./disclosure.service.js";

const PATH = "/export/person/:id/disclosure.json";

/**
 * GET /export/person/:id/disclosure.json: the 開示 of one person (disclosure.service.ts) as JSON. The session cookie
 * says who asks and the service applies the same rules as GraphQL (a caseworker who may read the person; anyone else
 * gets 401, 403 or 404 and nothing). `?download=1` makes it a file to save; without it the 開示 page reads it. Each
 * answer is one DISCLOSURE row in the audit log.
 */
export function useDisclosureRoutes(
  app: Express,
  services: Pick<RequestServices, "auth">,
  disclosures: DisclosureService,
  config: Pick<Config, "cookieSecure">,
): void {
  app.get(PATH, async (req: Request<{ id: string }>, res, next) => {
    try {
      const viewer = await services.auth.viewerForToken(readSessionToken(req, config.cookieSecure));
      if (!viewer) throw unauthenticated();
      const download = req.query.download === "1";
      const body = await disclosures.disclose(viewer, req.params.id, {
        format: download ? "download" : "page",
        requestId: (res.locals.requestId as string | undefined) ?? randomUUID(),
        clientAddress: req.ip ?? null,
      });
      res.setHeader("Cache-Control", "no-store");
      if (download) {
        const day = new Date().toISOString().slice(0, 10);
        attachment(res, `disclosure-${req.params.id}-${day}.json`, `開示_${day}.json`);
      }
      res.json(body);
    } catch (err) {
      next(err);
    }
  });

  app.use(PATH, (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof DomainError) {
      res.setHeader("Cache-Control", "no-store");
      const { status, body } = httpErrorOf(err);
      res.status(status).json(body);
      return;
    }
    next(err);
  });
}
