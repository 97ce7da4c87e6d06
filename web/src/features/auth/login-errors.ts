import { authMessages as m } from "../../messages";
import type { ParsedError } from "../../ui/graphql-errors";

/**
 * The notice for a refused sign-in. The server says why in `extensions.reason` (INVALID_CREDENTIALS, or LOCKED with
 * `retryAfterSeconds`); a server without `reason` yet is answered with its own message.
 */
export function loginErrorMessage(error: ParsedError): string {
  if (error.code !== "UNAUTHENTICATED") return error.message;
  const { reason, retryAfterSeconds } = error.extensions;
  if (reason === "LOCKED") {
    const minutes =
      typeof retryAfterSeconds === "number" && retryAfterSeconds > 0 ? Math.ceil(retryAfterSeconds / 60) : null;
    return m.locked(minutes);
  }
  if (reason === "INVALID_CREDENTIALS") return m.invalidCredentials;
  return error.message || m.invalidCredentials;
}

/** `?next=` only ever leads inside the app: a path on this origin, never `//elsewhere` or `https://…`. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next.startsWith("/login")) return null;
  return next;
}
