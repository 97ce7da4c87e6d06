import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import { errorKind } from "./errors.js";
import type { Logger } from "./logger.js";
import { currentRequestId } from "./request-scope.js";

/**
 * Logs each error by whose fault it is, with the request id (`formatError` hands the same id to the client):
 * - the server's own faults at `error`, once, with the stack;
 * - a request refused before any resolver ran (malformed query, validation, limits, variables) at `info`, without a
 *   stack: the client's mistake, worth a line when someone asks why their request failed, not an alert;
 * - domain errors (refusals, bad input, conflicts) not at all: they are the API's answers, and the audit trail records
 *   the refusals.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    // No operation has started yet (e.g. the session lookup failed), so didEncounterErrors will not see it.
    async contextCreationDidFail({ error }) {
      logger.error({ err: error, requestId: currentRequestId() }, "could not build the request's context");
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const kind = errorKind(error);
            if (kind === "request") {
              const code = error.extensions?.code;
              // A variable's error quotes the value sent, which may be personal data: its code is enough.
              const message = code === "BAD_USER_INPUT" ? undefined : error.message.slice(0, 300);
              logger.info(
                { requestId: contextValue.requestId, operationName, code, message },
                "refused a GraphQL request",
              );
            } else if (kind === "unexpected") {
              logger.error(
                {
                  err: error.originalError ?? error,
                  requestId: contextValue.requestId,
                  operationName,
                  path: error.path,
                },
                "unexpected error in GraphQL operation",
              );
            }
          }
        },
      };
    },
  };
}
