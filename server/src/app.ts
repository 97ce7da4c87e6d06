import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import type { ApolloServer, GraphQLRequest } from "@apollo/server";
import express from "express";
import type { DataSource } from "typeorm";
import { contextFactory, startGraphQLServer } from "./app.graphql.js";
import { useCatalogImportRoutes } from "./catalog-import/catalog-import.http.js";
import { useGraphQLRoute, useHealthCheck, useRequestIdAndSecurityHeaders, useWebClient } from "./app.http.js";
import { createBackgroundJobs, type BackgroundJobs } from "./background-jobs.js";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { httpErrorHandler } from "./core/http-errors.js";
import type { Logger } from "./core/logger.js";
import { runWithRequestId } from "./core/request-scope.js";
import { useDirectoryExportRoutes } from "./directory-export/directory-export.routes.js";
import { DirectoryExportService } from "./directory-export/directory-export.service.js";
import { useEvaluationReportRoutes } from "./indicators/evaluation-report.routes.js";
import { useOidcRoutes } from "./auth/oidc/oidc.routes.js";
import { useDisclosureRoutes } from "./person-rights/disclosure.routes.js";
import { DisclosureService } from "./person-rights/disclosure.service.js";
import { useHsdsRoutes } from "./hsds/hsds.routes.js";
import { HsdsDirectoryService } from "./hsds/hsds.service.js";
import { RateLimiter } from "./ratelimit/rate-limiter.js";
import { createRequestServices, type RequestServices } from "./request-services.js";
import { SearchHealth } from "./search/search-health.js";
import { ResourceSearchIndex, type MeiliConfig } from "./search/search-index.js";
import type { RelayOptions } from "./search/search-relay.js";
import { textReader } from "./search/text/readings.js";

export interface AppOptions {
  db: DataSource;
  databaseUrl: string;
  meili: MeiliConfig;
  relay?: Partial<RelayOptions>;
  config: Pick<Config, "production" | "cookieSecure" | "sessionTtlHours"> &
    Partial<
      Pick<
        Config,
        "sessionIdleMinutes" | "sessionStaySignedInHours" | "corsOrigins" | "trustProxy" | "rateLimits" | "oidc"
      >
    >;
  logger: Logger;
  /** Folder of the built web client; served at `/` when it exists. */
  webDist?: string;
  /**
   * Seals secrets at rest (TOTP keys): main.ts gives TSUNAGU_SECRET_KEY or the data folder's key file
   * (runtime/secret-key.ts). Without it TOTP cannot be enrolled or checked (scripts and benchmarks never do).
   */
  secretKey?: Buffer;
  /** Given by main.ts, whose supervisor of the embedded Meilisearch reports a crash to it at once. */
  searchHealth?: SearchHealth;
}

export interface App {
  /** What requests use (each request's context carries these). */
  services: RequestServices;
  /** Not started here: main.ts starts them once the server listens; `close()` stops them. */
  jobs: BackgroundJobs;
  /** The Meilisearch index the search services read and the relay writes. */
  searchIndex: ResourceSearchIndex;
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Runs an operation in-process, as the holder of `sessionToken` (or anonymously). */
  execute<TData = Record<string, unknown>>(
    request: GraphQLRequest,
    sessionToken?: string | null,
  ): Promise<{ data?: TData | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_WEB_DIST = path.resolve(__dirname, "../../web/dist");

/**
 * The app: services and background jobs (created, not started), the GraphQL server (app.graphql.ts) and the HTTP
 * routes around it (app.http.ts). Used by main.ts, the tests, the benchmarks and the scripts alike.
 */
export async function createApp({
  db,
  databaseUrl,
  meili,
  relay,
  config,
  logger,
  webDist = DEFAULT_WEB_DIST,
  searchHealth,
  secretKey,
}: AppOptions): Promise<App> {
  const searchIndex = new ResourceSearchIndex(meili);
  const health = searchHealth ?? new SearchHealth(logger);
  const services = createRequestServices(db, {
    sessionTtlHours: config.sessionTtlHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionStaySignedInHours: config.sessionStaySignedInHours,
    searchIndex,
    health,
    oidc: config.oidc,
    secretKey,
  });
  const jobs = createBackgroundJobs(db, { databaseUrl, searchIndex, health, audit: services.audit, logger, relay });

  const expressApp = express();
  const httpServer = http.createServer(expressApp);
  const rateLimiter = new RateLimiter(db, config.rateLimits, logger);
  const apollo = await startGraphQLServer({
    httpServer,
    production: config.production,
    services,
    logger,
    rateLimiter,
  });
  const contextFor = contextFactory({ db, services, logger, config });

  useRequestIdAndSecurityHeaders(expressApp, config);
  useHealthCheck(expressApp, db, health, () => jobs.searchRelay.state.role);
  // Public, read-only files of the directory (before the web client, whose app shell answers any other GET).
  useDirectoryExportRoutes(expressApp, new DirectoryExportService(db, services.search));
  useHsdsRoutes(expressApp, new HsdsDirectoryService(db, services.search));
  useGraphQLRoute(expressApp, apollo, contextFor, config, rateLimiter);
  useCatalogImportRoutes(expressApp, services, config);
  useEvaluationReportRoutes(expressApp, services, config);
  useOidcRoutes(expressApp, services, config, logger, rateLimiter);
  useDisclosureRoutes(expressApp, services, new DisclosureService(db, services.people, services.audit), config);
  useWebClient(expressApp, webDist);
  expressApp.use(httpErrorHandler(logger));

  return {
    services,
    jobs,
    searchIndex,
    apollo,
    httpServer,
    async execute(request, sessionToken = null) {
      const requestId = randomUUID();
      const contextValue = await contextFor(sessionToken, requestId, null);
      const response = await runWithRequestId(requestId, () => apollo.executeOperation(request, { contextValue }));
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used by tsunagu");
      return response.body.singleResult as never;
    },
    async listen(port, host) {
      // Loading the reading dictionary holds the event loop for about a second: done before taking connections, not
      // in the middle of them when the search relay or a kana search first needs it (a keep-alive connection was
      // reset by that stall).
      await textReader();
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      });
    },
    async close() {
      await jobs.stop();
      await services.catalogImports.idle();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}
