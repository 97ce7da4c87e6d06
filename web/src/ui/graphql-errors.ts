import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { commonMessages, errorMessages } from "../messages";

/** What a page needs to show for a failed query or mutation. */
export interface ParsedError {
  /** `extensions.code` of the first GraphQL error (`BAD_USER_INPUT`, `CONFLICT`, …), or `NETWORK` when no answer came. */
  code: string;
  /** One Japanese sentence for a `role="alert"` notice. */
  message: string;
  /**
   * Per-field messages from `extensions.fields`, keyed by the path inside the mutation's `input` argument
   * (`input.schedule.rules.0.endTime` → `schedule.rules.0.endTime`), so a form looks its fields up by input name.
   */
  fieldErrors: Record<string, string[]>;
  /** The id of the request in the server's log (every error carries one); the generic notice shows it for the help desk. */
  requestId: string | null;
  /** The first error's extensions as sent (e.g. `reason`, `retryAfterSeconds` on a refused sign-in). */
  extensions: Record<string, unknown>;
}

/**
 * Codes whose message the server writes for the user (Japanese DomainError messages, a body over the limit, and too
 * many requests with the seconds to wait).
 */
const USER_FACING_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
]);

function fieldErrorsOf(extensions: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const fields = extensions.fields;
  if (!Array.isArray(fields)) return out;
  for (const entry of fields as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { field, messages } = entry as { field?: unknown; messages?: unknown };
    if (typeof field !== "string" || !Array.isArray(messages)) continue;
    const key = field.replace(/^input\./, "");
    out[key] = [...(out[key] ?? []), ...messages.filter((x): x is string => typeof x === "string")];
  }
  return out;
}

/** Turns whatever Apollo reports (GraphQL errors, a failed fetch, an HTTP error) into something a page can show. */
export function parseGraphQLError(error: unknown): ParsedError {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0];
    const extensions = (first.extensions ?? {}) as Record<string, unknown>;
    const code = typeof extensions.code === "string" ? extensions.code : "INTERNAL_SERVER_ERROR";
    const requestId = typeof extensions.requestId === "string" ? extensions.requestId : null;
    const fieldErrors = fieldErrorsOf(extensions);
    let message: string;
    if (!USER_FACING_CODES.has(code)) message = commonMessages.unexpectedError(requestId ?? undefined);
    else if (first.message) message = first.message;
    else if (code === "BAD_USER_INPUT") message = errorMessages.checkInput;
    else if (code === "CONFLICT") message = errorMessages.conflict;
    else message = commonMessages.unexpectedError();
    return { code, message, fieldErrors, requestId, extensions };
  }
  return { code: "NETWORK", message: errorMessages.network, fieldErrors: {}, requestId: null, extensions: {} };
}

/** The messages for one input field (by its path inside `input`), or an empty list. */
export function fieldMessages(parsed: ParsedError | null | undefined, field: string): string[] {
  return parsed?.fieldErrors[field] ?? [];
}
