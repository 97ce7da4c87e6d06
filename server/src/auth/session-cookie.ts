import type { Request, Response } from "express";

export const SESSION_COOKIE = "tsunagu_session";

/**
 * Over HTTPS the cookie carries the `__Host-` prefix: browsers then accept it only with Secure, from this very host,
 * for path `/`, so a neighbouring host on the city network cannot plant or overwrite it.
 */
export const sessionCookieName = (secure: boolean) => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

export function readSessionToken(req: Pick<Request, "headers">, secure = false): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const name = sessionCookieName(secure);
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

// SameSite=Strict: the client is a single-page app served by tsunagu itself, so every request that needs the session
// (fetches to /graphql) is same-site. Strict costs nothing there and keeps the cookie off every cross-site request,
// top-level navigations included. CORS_ORIGINS must therefore be same-site origins (e.g. another port or subdomain).
const cookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: "strict" as const, secure, path: "/" });

/**
 * Without `persistent` the cookie has neither Expires nor Max-Age: it ends when the browser closes (a shared PC at a
 * counter). 「ログインしたままにする」 gives it the session's own end (at most SESSION_STAY_SIGNED_IN_HOURS), which the
 * server enforces as well.
 */
export function setSessionCookie(
  res: Response,
  token: string,
  expiresAt: Date,
  secure: boolean,
  persistent = false,
): void {
  res.cookie(sessionCookieName(secure), token, {
    ...cookieOptions(secure),
    ...(persistent ? { expires: expiresAt } : {}),
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(sessionCookieName(secure), cookieOptions(secure));
}
