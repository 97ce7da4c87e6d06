import http from "node:http";
import { freePort } from "./free-port.js";

/** A person known to the test identity provider. */
export interface ProviderAccount {
  /** What they type at the provider's sign-in page. */
  login: string;
  password: string;
  /** Their `sub` at the provider. */
  subject: string;
  email?: string;
  emailVerified?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Adds or replaces an account (by login). */
  setAccount(account: ProviderAccount): void;
  close(): Promise<void>;
}

const CLIENT_ID = "tsunagu-test";
const CLIENT_SECRET = "tsunagu-test-client-secret-0123456789";

/**
 * A real OpenID provider (the `oidc-provider` package) on a loopback port: discovery, keys, authorization endpoint
 * with PKCE required, token and userinfo endpoints, one static confidential client (`redirectUri`). Its own sign-in
 * and consent pages (below) check each account's password, and load nothing from outside, so a browser test's
 * no-other-origin guard only has to let this origin through. oidc-provider is ESM-only: loaded with import().
 */
export async function startTestOidcProvider(
  redirectUri: string,
  accounts: ProviderAccount[] = [],
): Promise<TestOidcProvider> {
  const { default: Provider } = await import("oidc-provider");
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  const bySubject = () => new Map([...byLogin.values()].map((a) => [a.subject, a]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    cookies: { keys: ["tsunagu-test-provider-cookie-key"] },
    // Stated, so the provider does not log a notice for each default it falls back to.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = bySubject().get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email !== undefined
              ? { email: account.email, email_verified: account.emailVerified ?? true }
              : {}),
          };
        },
      };
    },
  });

  const handler = provider.callback();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/consent)?$/.exec(path);
    if (!m) return void handler(req, res);
    interaction(req, res, m[2] ?? "").catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, step: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const action = `/interaction/${details.uid}`;
    if (req.method === "GET") {
      return void page(res, details.prompt.name === "login" ? loginForm(action, null) : consentForm(action));
    }
    const body = new URLSearchParams(await readBody(req));
    if (step === "/login") {
      const account = byLogin.get(body.get("login") ?? "");
      if (!account || account.password !== body.get("password"))
        return void page(res, loginForm(action, "ユーザー名またはパスワードが違います"));
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.subject } },
        { mergeWithLastSubmission: false },
      );
    }
    if (step === "/consent") {
      const { prompt, params, session, grantId } = details;
      const grant = grantId
        ? await provider.Grant.find(grantId)
        : new provider.Grant({ accountId: session!.accountId, clientId: params.client_id as string });
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant!.save() } },
        { mergeWithLastSubmission: true },
      );
    }
    res.statusCode = 404;
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri,
    setAccount: (a) => void byLogin.set(a.login, a),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function page(res: http.ServerResponse, body: string): void {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>テスト用 ID 基盤</title></head>` +
      `<body><main><h1>テスト用 ID 基盤</h1>${body}</main></body></html>`,
  );
}

const loginForm = (action: string, error: string | null) =>
  `${error ? `<p role="alert">${error}</p>` : ""}<form method="post" action="${action}/login">` +
  `<p><label>ユーザー名 <input name="login" autocomplete="username" required></label></p>` +
  `<p><label>パスワード <input name="password" type="password" autocomplete="current-password" required></label></p>` +
  `<p><button type="submit">サインイン</button></p></form>`;

const consentForm = (action: string) =>
  `<p>つなぐ にメールアドレスを伝えます。</p><form method="post" action="${action}/consent">` +
  `<p><button type="submit">許可する</button></p></form>`;
