import type { ErrorRequestHandler } from "express";
import { INTERNAL_ERROR_MESSAGE } from "./errors.js";
import type { Logger } from "./logger.js";

/** Largest request body accepted (express.json's `limit`); the refusal names it. */
export const MAX_BODY = "1mb";

interface HttpFault {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

/** What the client is told, by the `type` body-parser gives its errors. */
function answerFor(error: HttpFault, status: number): { code: string; message: string } {
  if (status >= 500) return { code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE };
  if (error.type === "entity.too.large") {
    return {
      code: "PAYLOAD_TOO_LARGE",
      message: `送信内容が大きすぎます (上限 ${MAX_BODY.toUpperCase()})。内容を減らしてください`,
    };
  }
  if (error.type === "entity.parse.failed")
    return { code: "BAD_REQUEST", message: "送信内容が正しい JSON ではありません" };
  return { code: "BAD_REQUEST", message: "リクエストを処理できませんでした。送信内容を確認してください" };
}

/**
 * Errors Express meets before GraphQL does (a body that is not JSON, or over the limit) answer like GraphQL's own, in
 * every mode: JSON, a code, a Japanese sentence and the request id. Never Express's default page, which is HTML with
 * the stack and absolute paths outside production. A client's fault is logged at info without a stack; only the
 * server's own (5xx) at error, with it.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    // Too late to answer: Express's handler closes the connection.
    if (res.headersSent) return next(err);
    const fault = (err ?? {}) as HttpFault;
    const given = Number(fault.status ?? fault.statusCode);
    const status = given >= 400 && given < 600 ? given : 500;
    const requestId = res.locals.requestId as string | undefined;
    const { code, message } = answerFor(fault, status);
    if (status >= 500)
      logger.error({ err, requestId, method: req.method, path: req.path }, "unexpected error in an HTTP request");
    else
      logger.info(
        { requestId, status, code, type: fault.type, method: req.method, path: req.path },
        "refused an HTTP request",
      );
    res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
  };
}
