import type http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { DataSource } from "typeorm";
import { AuditCollector } from "./audit/audit.collector.js";
import { auditPlugin } from "./audit/audit.plugin.js";
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
import { LoaderRegistry } from "./core/loaders.js";
import type { Logger } from "./core/logger.js";
import type { RequestServices } from "./request-services.js";
import { signInRateLimitPlugin } from "./ratelimit/rate-limit.plugin.js";
import type { RateLimiter } from "./ratelimit/rate-limiter.js";
import { getSchema } from "./schema.js";

/** The GraphQL server: the schema, its limits and its plugins (errors logged, audit rows written). Started. */
export async function startGraphQLServer(options: {
  httpServer: http.Server;
  production: boolean;
  services: RequestServices;
  logger: Logger;
  rateLimiter: RateLimiter;
}): Promise<ApolloServer<Context>> {
  const { httpServer, production, services, logger, rateLimiter } = options;
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    introspection: !production,
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
      // cached here (Cache-Control: no-store is set on /graphql): switched off, no field pays for it.
      ApolloServerPluginCacheControlDisabled(),
      signInRateLimitPlugin(rateLimiter),
      complexityLimitPlugin(),
      builtInLimitsPlugin(),
      // Introspection is off in production; "Did you mean …?" would give the schema away all the same.
      ...(production ? [hideSuggestionsPlugin()] : []),
      errorLoggingPlugin(logger),
      auditPlugin(services.audit, logger),
    ],
  });
  await apollo.start();
  return apollo;
}

/** Builds one request's context, from the session cookie's token (or none), for HTTP and in-process calls alike. */
export type ContextFactory = (
  sessionToken: string | null,
  requestId: string,
  clientAddress: string | null,
) => Promise<Context>;

export function contextFactory(options: {
  db: DataSource;
  services: RequestServices;
  logger: Logger;
  config: Pick<Config, "cookieSecure">;
}): ContextFactory {
  const { db, services, logger, config } = options;
  return async (sessionToken, requestId, clientAddress) => {
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
}
