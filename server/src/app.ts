import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer, type GraphQLRequest } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type Request } from "express";
import helmet from "helmet";
import type { DataSource } from "typeorm";
import { AuditCollector } from "./audit/audit.collector.js";
import { auditPlugin } from "./audit/audit.plugin.js";
import { readSessionToken } from "./auth/session-cookie.js";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { errorLoggingPlugin } from "./core/error-logging.plugin.js";
import { formatError } from "./core/errors.js";
import {
  LIMIT_VALIDATION_RULES,
  MAX_TOKENS,
  builtInLimitsPlugin,
  complexityLimitPlugin,
} from "./core/graphql-limits.js";
import { hideSuggestionsPlugin } from "./core/hide-suggestions.plugin.js";
import { MAX_BODY, httpErrorHandler } from "./core/http-errors.js";
import { LoaderRegistry } from "./core/loaders.js";
import type { Logger } from "./core/logger.js";
import { runWithRequestId } from "./core/request-scope.js";
import { getSchema } from "./schema.js";
import { createServices, type AppServices } from "./services.js";
import type { MeiliConfig } from "./search/search-index.js";
import type { RelayOptions } from "./search/search-relay.js";

export interface AppOptions {
  db: DataSource;
  databaseUrl: string;
  meili: MeiliConfig;
  relay?: Partial<RelayOptions>;
  config: Pick<Config, "production" | "cookieSecure" | "sessionTtlHours"> &
    Partial<Pick<Config, "sessionIdleMinutes" | "corsOrigins" | "trustProxy">>;
  logger: Logger;
  /** Folder of the built web client; served at `/` when it exists. */
  webDist?: string;
}

export interface App {
  services: AppServices;
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
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Browser features tsunagu never uses, switched off for the page and anything it might embed. */
const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

export async function createApp({
  db,
  databaseUrl,
  meili,
  relay,
  config,
  logger,
  webDist = DEFAULT_WEB_DIST,
}: AppOptions): Promise<App> {
  const services = createServices(db, {
    sessionTtlHours: config.sessionTtlHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
    databaseUrl,
    meili,
    logger,
    relay,
  });
  const expressApp = express();
  const httpServer = http.createServer(expressApp);
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // Apollo's default, stated because it matters: a request must be JSON or carry a preflight-forcing header, so a
    // cross-site form or <img> cannot run an operation with the user's cookie.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: LIMIT_VALIDATION_RULES,
    parseOptions: { maxTokens: MAX_TOKENS },
    // main.ts owns shutdown (HTTP, relay, pool, then the databases); Apollo's own handler would re-raise the signal
    // and kill the process half-way, orphaning embedded PostgreSQL and Meilisearch.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads scripts from a CDN; tsunagu runs on closed networks.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin hooks every field of every answer to compute a policy, and answers are never
      // cached here (Cache-Control: no-store is set on /graphql below): switched off, no field pays for it.
      ApolloServerPluginCacheControlDisabled(),
      complexityLimitPlugin(),
      builtInLimitsPlugin(),
      // Introspection is off in production; "Did you mean …?" would give the schema away all the same.
      ...(config.production ? [hideSuggestionsPlugin()] : []),
      errorLoggingPlugin(logger),
      auditPlugin(services.audit, logger),
    ],
  });
  await apollo.start();

  const contextFor = async (
    sessionToken: string | null,
    requestId: string,
    clientAddress: string | null,
  ): Promise<Context> => {
    const viewer = await services.auth.viewerForToken(sessionToken);
    return {
      requestId,
      viewer,
      sessionToken,
      clientAddress,
      services,
      loaders: new LoaderRegistry({ db, viewer }),
      logger: logger.child({ requestId }),
      cookieSecure: config.cookieSecure,
      audit: new AuditCollector(),
    };
  };

  expressApp.disable("x-powered-by");
  // Behind a reverse proxy the socket address is the proxy's; TRUST_PROXY names the proxies whose X-Forwarded-For
  // may be believed, so that rate limiting and the audit trail see the real client.
  expressApp.set("trust proxy", config.trustProxy ?? false);
  expressApp.use((req, res, next) => {
    const incoming = req.header("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  });
  expressApp.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: config.production ? [] : null,
        },
      },
      hsts: config.production,
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
    }),
  );
  expressApp.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });
  expressApp.get("/healthz", async (_req, res) => {
    try {
      await db.query("SELECT 1");
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });
  // CORS: none unless CORS_ORIGINS lists the origin; then with credentials (the session cookie). A disallowed origin
  // gets no CORS headers at all, so the browser refuses the preflight and hides the response.
  const corsOrigins = new Set(config.corsOrigins ?? []);
  expressApp.use(
    "/graphql",
    cors({
      origin: (origin, done) => done(null, origin !== undefined && corsOrigins.has(origin)),
      credentials: true,
      maxAge: 600,
    }),
  );
  expressApp.use("/graphql", (_req, res, next) => {
    // Answers carry personal data: never kept by the browser or a proxy.
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  expressApp.use(
    "/graphql",
    express.json({ limit: MAX_BODY }),
    // Entered after the body is read (its stream callbacks would lose the scope); formatError reads the id from it.
    (_req, res, next) => runWithRequestId(res.locals.requestId as string, next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        ...(await contextFor(
          readSessionToken(req, config.cookieSecure),
          res.locals.requestId as string,
          clientAddressOf(req),
        )),
        http: { req, res },
      }),
    }),
  );
  if (existsSync(path.join(webDist, "index.html"))) {
    expressApp.use(express.static(webDist, { index: false, maxAge: "1h" }));
    // Client-side routes: every other GET that accepts HTML gets the app shell.
    expressApp.get(/^\/(?!graphql|healthz).*/, (req, res, next) => {
      if (!req.accepts("html")) return next();
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(webDist, "index.html"));
    });
  }
  expressApp.use(httpErrorHandler(logger));

  return {
    services,
    apollo,
    httpServer,
    async execute(request, sessionToken = null) {
      const requestId = randomUUID();
      const contextValue = await contextFor(sessionToken, requestId, null);
      const response = await runWithRequestId(requestId, () => apollo.executeOperation(request, { contextValue }));
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used by tsunagu");
      return response.body.singleResult as never;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      });
    },
    async close() {
      await services.searchRelay.stop();
      await services.auditPurge.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}

/** The client's address as `trust proxy` allows us to know it. */
function clientAddressOf(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
