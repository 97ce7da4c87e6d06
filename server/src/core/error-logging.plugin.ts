import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import { isExpectedError } from "./errors.js";
import type { Logger } from "./logger.js";

/**
 * Logs every unexpected error once, with its stack and the request id, and stamps the request id on the error so
 * that `formatError` can hand it to the client (the only detail a client gets of an internal error).
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            logger.error({ err: error.originalError ?? error, requestId: contextValue.requestId, operationName, path: error.path },
              "unexpected error in GraphQL operation");
          }
        },
      };
    },
  };
}
