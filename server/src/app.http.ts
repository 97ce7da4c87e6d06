import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type Express, type Request } from "express";
import helmet from "helmet";
import type { DataSource } from "typeorm";
import type { ContextFactory } from "./app.graphql.js";
import { readSessionToken } from "./auth/session-cookie.js";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { MAX_BODY } from "./core/http-errors.js";
import { runWithRequestId } from "./core/request-scope.js";
import type { RateLimiter } from "./ratelimit/rate-limiter.js";
import type { SearchHealth } from "./search/search-health.js";
import { outboxStatus, type RelayStatus } from "./search/search-relay.js";

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Browser features tsunagu never uses, switched off for the page and anything it might embed. */
const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/** Every response: a request id (the client's when well-formed), and the security headers. */
export function useRequestIdAndSecurityHeaders(
  app: Express,
  config: Pick<Config, "production"> & Partial<Pick<Config, "trustProxy">>,
): void {
  app.disable("x-powered-by");
  // Behind a reverse proxy the socket address is the proxy's; TRUST_PROXY names the proxies whose X-Forwarded-For
  // may be believed, so that rate limiting and the audit trail see the real client.
  app.set("trust proxy", config.trustProxy ?? false);
  app.use((req, res, next) => {
    const incoming = req.header("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // No 'unsafe-inline': the web client's CSS is in files, and React's style props go through the CSSOM,
          // which style-src does not govern; a <style> element or a style="" attribute in markup is refused
          // (tests/e2e/support/browser.ts fails any browser test that meets a violation).
          styleSrc: ["'self'"],
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
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });
}

/**
 * GET /healthz: what a supervisor or a load balancer asks. 200 while the app can serve, even with search degraded
 * (the PostgreSQL fallback answers); 503 only when the database does not answer. The body says each part's state.
 */
export function useHealthCheck(
  app: Express,
  db: DataSource,
  search: SearchHealth,
  relayRole: () => string = () => "stopped",
): void {
  app.get("/healthz", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    let relay: Pick<RelayStatus, "pending" | "oldestPendingSeconds"> & { role: string };
    try {
      // One small query: it proves the database answers and says how far the index lags behind it. The relay's
      // role (leader, follower, reconnecting, stopped) says whether this instance is the one indexing.
      const { pending, oldestPendingSeconds } = await outboxStatus(db, search);
      relay = { role: relayRole(), pending, oldestPendingSeconds };
    } catch {
      res.status(503).json({ status: "unavailable", database: "unreachable", search: search.state });
      return;
    }
    res.json({ status: search.state === "ok" ? "ok" : "degraded", database: "ok", search: search.state, relay });
  });
}

/** POST /graphql: CORS for the listed origins only, never cached, a bounded JSON body, then Apollo. */
export function useGraphQLRoute(
  app: Express,
  apollo: ApolloServer<Context>,
  contextFor: ContextFactory,
  config: Pick<Config, "cookieSecure"> & Partial<Pick<Config, "corsOrigins">>,
  rateLimiter?: RateLimiter,
): void {
  // CORS: none unless CORS_ORIGINS lists the origin; then with credentials (the session cookie). A disallowed origin
  // gets no CORS headers at all, so the browser refuses the preflight and hides the response.
  const corsOrigins = new Set(config.corsOrigins ?? []);
  app.use(
    "/graphql",
    cors({
      origin: (origin, done) => done(null, origin !== undefined && corsOrigins.has(origin)),
      credentials: true,
      maxAge: 600,
    }),
  );
  app.use("/graphql", (_req, res, next) => {
    // Answers carry personal data: never kept by the browser or a proxy.
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  app.use(
    "/graphql",
    express.json({ limit: MAX_BODY }),
    // Entered after the body is read (its stream callbacks would lose the scope); formatError reads the id from it.
    (_req, res, next) => runWithRequestId(res.locals.requestId as string, next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const clientAddress = clientAddressOf(req);
        const context = await contextFor(
          readSessionToken(req, config.cookieSecure),
          res.locals.requestId as string,
          clientAddress,
        );
        // Every request counts, valid or not, before anything runs; over the limit: 429 and nothing else happens.
        await rateLimiter?.checkRequest(context.viewer, clientAddress);
        return { ...context, http: { req, res } };
      },
    }),
  );
}

/** The built web client, when there is one: its files, and the app shell for every client-side route. */
export function useWebClient(app: Express, webDist: string): void {
  if (!existsSync(path.join(webDist, "index.html"))) return;
  app.use(express.static(webDist, { index: false, maxAge: "1h" }));
  // Client-side routes: every other GET that accepts HTML gets the app shell.
  app.get(/^\/(?!graphql|healthz|hsds|export\/).*/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(path.join(webDist, "index.html"));
  });
}

/** The client's address as `trust proxy` allows us to know it. */
function clientAddressOf(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
