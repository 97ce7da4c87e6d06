import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ValidationError } from "class-validator";
import { currentRequestId } from "./request-scope.js";
import { constraintMessages } from "./validation-messages.js";

/** The only error codes a client ever sees (besides GraphQL's own parse/validation codes). */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  /** Too many requests from one client (ratelimit/rate-limiter.ts): HTTP 429, with retryAfterSeconds. */
  | "RATE_LIMITED";

export interface FieldError {
  /** Dotted path inside the arguments, e.g. `input.schedule.rules.0.endTime`. */
  field: string;
  messages: string[];
}

/** The HTTP status of each code, for the few routes outside GraphQL (file uploads and downloads). */
const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Thrown by services and policies; mapped once, in `formatError`. Messages are Japanese: they reach the UI. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** More client-visible details under `extensions` (e.g. `reason`, `retryAfterSeconds`); never `code`. */
    readonly extensions: Record<string, string | number | boolean> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** A DomainError as a route outside GraphQL answers it: the code's HTTP status, and its code, message and fields. */
export function httpErrorOf(err: DomainError) {
  return {
    status: HTTP_STATUS[err.code],
    body: { error: { code: err.code, message: err.message, fields: err.fields } },
  };
}

export const notFound = (what = "指定されたデータ") => new DomainError("NOT_FOUND", `${what}が見つかりません`);
export const forbidden = (message = "この操作を行う権限がありません") => new DomainError("FORBIDDEN", message);
export const unauthenticated = () => new DomainError("UNAUTHENTICATED", "ログインしてください");
export const conflict = (message: string) => new DomainError("CONFLICT", message);
export const badInput = (field: string, message: string) =>
  new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [{ field, messages: [message] }]);

/** Flattens class-validator's nested errors into per-field messages (Japanese, see validation-messages.ts). */
export function fieldErrorsFromValidation(errors: ValidationError[], prefix = ""): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: constraintMessages(e) });
    if (e.children?.length) out.push(...fieldErrorsFromValidation(e.children, field));
  }
  return out;
}

const PASS_THROUGH_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * graphql-js stops coercing variables after 50 bad values and adds an error of its own, which Apollo (unlike the 50
 * before it) does not mark BAD_USER_INPUT. It is bad input all the same.
 */
const isVariableErrorLimit = (error: unknown): boolean =>
  error instanceof GraphQLError &&
  !error.originalError &&
  !error.path &&
  error.message.startsWith("Too many errors processing variables");

/** The code Apollo or graphql put on an error; Apollo puts it on its wrapper of graphql-js's error, not on the original. */
function requestErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof GraphQLError; e = e.originalError) {
    const code = e.extensions?.code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * The error behind graphql-js's wrappers: a DomainError however deep it sits (a scalar's parseValue throwing inside a
 * variable's coercion is wrapped twice, see core/local-date.scalar.ts), else the first original error.
 */
function originalOf(error: unknown): unknown {
  for (let e: unknown = error; e instanceof GraphQLError; e = e.originalError) {
    if (e.originalError instanceof DomainError) return e.originalError;
  }
  return error instanceof GraphQLError ? (error.originalError ?? error) : error;
}

/**
 * - `domain`: a DomainError (refusals, bad input, conflicts): the API's contract, answered and audited, not logged;
 * - `request`: the client's request was refused before any resolver ran (parse, validation, limits, variables);
 * - `unexpected`: the server's own fault.
 */
export function errorKind(error: unknown): "domain" | "request" | "unexpected" {
  const original = originalOf(error);
  if (original instanceof DomainError) return "domain";
  if (isVariableErrorLimit(original)) return "request";
  const code = requestErrorCode(error);
  return code !== undefined && PASS_THROUGH_CODES.has(code) ? "request" : "unexpected";
}

/** True for errors that are part of the API contract (domain, validation, GraphQL request errors). */
export const isExpectedError = (error: unknown): boolean => errorKind(error) !== "unexpected";

export const INTERNAL_ERROR_MESSAGE = "サーバーで問題が発生しました。時間をおいて再度お試しください。";
const TOO_MANY_VARIABLE_ERRORS = "入力の誤りが多すぎるため、確認を打ち切りました。入力内容を確認してください";

/**
 * Apollo's `formatError`: the single place where errors become client-visible. Every error carries the request id
 * (also sent as X-Request-Id), which is what an operator searches the log and the audit trail for.
 * - DomainError → its code, message and field list;
 * - GraphQL's request errors pass through (a limit's code and sentence are set in graphql-limits.ts);
 * - anything else → INTERNAL_SERVER_ERROR (the error plugin logged it with its stack); the client never sees internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const { path, locations } = formatted;
  const requestId = currentRequestId();

  if (original instanceof DomainError) {
    return {
      message: original.message,
      path,
      locations,
      extensions: {
        ...original.extensions,
        code: original.code,
        ...(original.fields.length ? { fields: original.fields } : {}),
        requestId,
      },
    };
  }
  if (isVariableErrorLimit(original))
    return { message: TOO_MANY_VARIABLE_ERRORS, extensions: { code: "BAD_USER_INPUT", requestId } };
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PASS_THROUGH_CODES.has(code)) {
    return { message: formatted.message, path, locations, extensions: { code, requestId } };
  }
  return { message: INTERNAL_ERROR_MESSAGE, path, extensions: { code: "INTERNAL_SERVER_ERROR", requestId } };
}
