import type { Express, NextFunction, Request, Response } from "express";
import type { Config } from "../../config.js";
import type { Logger } from "../../core/logger.js";
import { AuditAction } from "../../audit/audit.enums.js";
import { rateLimitedMessage, type RateLimiter } from "../../ratelimit/rate-limiter.js";
import type { RequestServices } from "../../request-services.js";
import { readSessionToken, setSessionCookie } from "../session-cookie.js";
import type { PendingSignIn } from "./oidc.client.js";
import { safeReturnPath, type OidcRefusal } from "./oidc.policy.js";

/** The sign-in under way, between the redirect to the provider and its answer. */
export const PENDING_COOKIE = "tsunagu_oidc";
const PENDING_PATH = "/auth/oidc";
/** Time to sign in at the provider. */
const PENDING_MAX_AGE_MS = 10 * 60_000;
/** The audit trail's operation for these rows (they come from HTTP routes, not from a GraphQL field). */
export const OIDC_OPERATION = "oidcSignIn";

// SameSite=Lax, unlike the session cookie: the provider's answer is a top-level navigation that may come from another
// site, and a Strict cookie would not come with it. It holds no session, only this browser's state, nonce and PKCE
// verifier, lives ten minutes and is read once.
const pendingCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure,
  path: PENDING_PATH,
});

/**
 * GET /auth/oidc/start: to the city's identity provider (authorization code + PKCE). GET /auth/oidc/callback: its
 * answer; signed in, the browser goes to `next` (or `/`, whose page leads each role to its start page); refused, to
 * the login page with `?oidcError=<reason>`, which the page says in Japanese. Sign-ins and refusals are audited as
 * LOGIN / LOGIN_FAILED, like password sign-ins. Without OIDC_* configuration both answer 404. Both count against
 * RATE_LIMIT_OIDC_PER_MINUTE per client address (each makes tsunagu call the provider); over it, 429 and a page that
 * says so, before anything is read, sent or audited.
 */
export function useOidcRoutes(
  app: Express,
  services: RequestServices,
  config: Pick<Config, "cookieSecure">,
  logger: Logger,
  limiter: RateLimiter,
): void {
  const oidc = services.oidc;

  const enabledAndWithinLimit = async (req: Request, res: Response, next: NextFunction) => {
    res.setHeader("Cache-Control", "no-store");
    if (!oidc.enabled) return void res.status(404).json({ error: { code: "NOT_FOUND" } });
    const decision = await limiter.consumeOidc(req.ip ?? req.socket.remoteAddress ?? null);
    if (!decision.allowed) return tooManyRequests(res, decision.retryAfterSeconds);
    next();
  };

  app.get(`${PENDING_PATH}/start`, enabledAndWithinLimit, async (req, res) => {
    try {
      const { url, pending } = await oidc.begin(safeReturnPath(req.query.next));
      res.cookie(PENDING_COOKIE, encodePending(pending), {
        ...pendingCookieOptions(config.cookieSecure),
        maxAge: PENDING_MAX_AGE_MS,
      });
      res.redirect(303, url.href);
    } catch (error) {
      logger.error({ err: error, requestId: res.locals.requestId }, "OIDC: the identity provider could not be reached");
      refuse(res, "PROVIDER_ERROR");
    }
  });

  app.get(`${PENDING_PATH}/callback`, enabledAndWithinLimit, async (req, res, next) => {
    try {
      const pending = decodePending(readCookie(req, PENDING_COOKIE));
      res.clearCookie(PENDING_COOKIE, pendingCookieOptions(config.cookieSecure));
      const clientAddress = req.ip ?? req.socket.remoteAddress ?? null;
      const outcome = await oidc.complete(
        new URL(req.originalUrl, "http://callback.invalid").searchParams,
        pending,
        { clientAddress, userAgent: req.headers["user-agent"] ?? null },
        readSessionToken(req, config.cookieSecure),
      );
      const row = { requestId: res.locals.requestId as string, clientAddress, operation: OIDC_OPERATION };
      if (!outcome.ok) {
        if (outcome.error)
          logger.warn({ err: outcome.error, requestId: row.requestId }, "OIDC: the provider's answer was refused");
        await services.audit.append([
          {
            ...row,
            actorUserId: null,
            actorRole: null,
            action: AuditAction.LOGIN_FAILED,
            entityType: outcome.userId ? "User" : null,
            recordId: outcome.userId,
            personId: null,
            detail: { method: "oidc", code: outcome.reason, knownAccount: outcome.userId !== null },
          },
        ]);
        return refuse(res, outcome.reason);
      }
      await services.audit.append([
        {
          ...row,
          actorUserId: outcome.user.id,
          actorRole: outcome.user.role,
          action: AuditAction.LOGIN,
          entityType: "User",
          recordId: outcome.user.id,
          personId: null,
          detail: { method: "oidc", linked: outcome.linked },
        },
      ]);
      setSessionCookie(res, outcome.token, outcome.expiresAt, config.cookieSecure);
      res.redirect(303, outcome.next ?? "/");
    } catch (error) {
      next(error);
    }
  });
}

function refuse(res: Response, reason: OidcRefusal): void {
  res.redirect(303, `/login?oidcError=${reason}`);
}

/**
 * A page rather than a redirect: the browser came here by a full page load (the login page's link, or the provider
 * sending it back), so it shows whatever is answered; the status stays 429 for anything that counts refusals. The
 * pending-sign-in cookie is left alone: a callback refused here can be retried with it once the window has passed.
 */
function tooManyRequests(res: Response, retryAfterSeconds: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  res.status(429).setHeader("Retry-After", String(seconds));
  res.type("html").send(
    `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ログインできませんでした — つなぐ</title></head>
<body>
<main>
<h1>ログインできませんでした</h1>
<p>${rateLimitedMessage(seconds)}</p>
<p><a href="/login">ログインの画面に戻る</a></p>
</main>
</body>
</html>
`,
  );
}

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function encodePending(p: PendingSignIn): string {
  return Buffer.from(JSON.stringify(p)).toString("base64url");
}

/** The cookie as this server wrote it, or null for anything else (missing, altered, from an older format). */
export function decodePending(value: string | null): PendingSignIn | null {
  if (!value || value.length > 2000) return null;
  try {
    const p = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Record<string, unknown>;
    const text = (v: unknown) => typeof v === "string" && v.length > 0 && v.length <= 200;
    if (!text(p.state) || !text(p.nonce) || !text(p.codeVerifier)) return null;
    return {
      state: p.state as string,
      nonce: p.nonce as string,
      codeVerifier: p.codeVerifier as string,
      next: safeReturnPath(p.next),
    };
  } catch {
    return null;
  }
}
