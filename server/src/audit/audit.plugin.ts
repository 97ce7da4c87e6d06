import type { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import type { Context } from "../context.js";
import type { Logger } from "../core/logger.js";
import type { AuditService } from "./audit.service.js";

export const AUDIT_UNAVAILABLE_MESSAGE = "記録を残せなかったため表示できません。時間をおいて再度お試しください。";

/**
 * Writes what the request collected (AuditCollector) as one insert, before the response leaves. When the insert fails:
 *  - the error is logged with the request id, always;
 *  - a query that showed personal data is answered with INTERNAL_SERVER_ERROR instead of its data: personal data
 *    is not handed out unrecorded (fail closed; the client may retry);
 *  - a mutation's answer goes out unchanged: its change is already committed, and reporting a failure would invite
 *    the client to repeat a write that happened. The log line is then the only trace, so it names the operation.
 */
export function auditPlugin(audit: AuditService, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          const collector = contextValue?.audit;
          if (!collector) return;
          const showedPersonalData = collector.hasReads;
          const events = collector.drain();
          if (!events.length) return;
          const viewer = contextValue.viewer;
          try {
            await audit.append(
              events.map((e) => ({
                actorUserId: e.actor ? e.actor.userId : (viewer?.userId ?? null),
                actorRole: e.actor ? e.actor.role : (viewer?.role ?? null),
                action: e.action,
                entityType: e.entityType,
                recordId: e.recordId,
                personId: e.personId ?? null,
                operation: e.operation,
                requestId: contextValue.requestId,
                clientAddress: contextValue.clientAddress,
                detail: e.detail ?? {},
              })),
            );
          } catch (err) {
            logger.error(
              {
                err,
                requestId: contextValue.requestId,
                operations: [...new Set(events.map((e) => `${e.action} ${e.operation}`))],
              },
              "audit log write failed",
            );
            if (
              operation?.operation === OperationTypeNode.QUERY &&
              showedPersonalData &&
              response.body.kind === "single"
            ) {
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: AUDIT_UNAVAILABLE_MESSAGE,
                    extensions: { code: "INTERNAL_SERVER_ERROR", requestId: contextValue.requestId },
                  },
                ],
              };
            }
          }
        },
      };
    },
  };
}
