import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { AuditCollector } from "./audit/audit.collector.js";
import type { Viewer } from "./core/viewer.js";
import type { LoaderRegistry } from "./core/loaders.js";
import type { Logger } from "./core/logger.js";
import type { RequestServices } from "./request-services.js";

/** Everything a resolver may use for one request. Nothing in here outlives the request. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** The session cookie as presented (even if no longer valid), so that a login can end it. */
  sessionToken: string | null;
  clientAddress: string | null;
  /** The services a request uses; background jobs are not here (background-jobs.ts). */
  services: RequestServices;
  /** The request's DataLoaders, by feature: `ctx.loaders.of(personLoaders).consents.load(id)`. */
  loaders: LoaderRegistry<LoaderScope>;
  logger: Logger;
  cookieSecure: boolean;
  /** What this request read and wrote; written to the audit log once, before the response leaves. */
  audit: AuditCollector;
  /** Absent when an operation runs in-process (tests, scripts). */
  http?: { req: Request; res: Response };
}

/** What a feature's loaders may read from: the database, and the viewer for those that check visibility. */
export interface LoaderScope {
  db: DataSource;
  viewer: Viewer | null;
}
