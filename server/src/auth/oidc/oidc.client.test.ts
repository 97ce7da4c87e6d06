import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OidcClient, OutsideIssuerError } from "./oidc.client.js";

/**
 * The client talks to the configured issuer's origin only. An issuer whose discovery document sends the token
 * request elsewhere (a misconfigured or tampered provider) gets no request out of tsunagu: the sign-in fails first.
 */
let issuer: http.Server;
let elsewhere: http.Server;
let issuerUrl: string;
let elsewhereUrl: string;
const elsewhereHits: string[] = [];

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  elsewhere = http.createServer((req, res) => {
    elsewhereHits.push(req.url ?? "");
    res.statusCode = 500;
    res.end();
  });
  elsewhereUrl = await listen(elsewhere);
  issuer = http.createServer((req, res) => {
    if (req.url !== "/.well-known/openid-configuration") return void res.writeHead(404).end();
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        issuer: issuerUrl,
        authorization_endpoint: `${issuerUrl}/auth`,
        token_endpoint: `${elsewhereUrl}/token`,
        jwks_uri: `${issuerUrl}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      }),
    );
  });
  issuerUrl = await listen(issuer);
});
afterAll(async () => {
  await new Promise((r) => issuer.close(r));
  await new Promise((r) => elsewhere.close(r));
});

describe("OidcClient", () => {
  it("builds the authorization URL from the issuer's discovery document, with PKCE S256, state and nonce", async () => {
    const client = new OidcClient({
      issuer: issuerUrl,
      clientId: "tsunagu",
      clientSecret: "secret",
      redirectUri: "http://127.0.0.1:1/auth/oidc/callback",
    });
    const { url, pending } = await client.authorizationUrl("/people");
    expect(url.origin + url.pathname).toBe(`${issuerUrl}/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: "tsunagu",
      response_type: "code",
      scope: "openid email",
      code_challenge_method: "S256",
      state: pending.state,
      nonce: pending.nonce,
    });
    expect(url.searchParams.get("code_challenge")).not.toBe(pending.codeVerifier);
    expect(pending.next).toBe("/people");
  });

  it("sends nothing to an endpoint outside the issuer's origin", async () => {
    const client = new OidcClient({
      issuer: issuerUrl,
      clientId: "tsunagu",
      clientSecret: "secret",
      redirectUri: "http://127.0.0.1:1/auth/oidc/callback",
    });
    const { pending } = await client.authorizationUrl(null);
    const answer = new URLSearchParams({ code: "a-code", state: pending.state });
    const failure = await client.identityFor(answer, pending).then(
      () => null,
      (error: unknown) => error,
    );
    // openid-client may wrap what the fetch threw; the cause chain ends at the refusal.
    let cause: unknown = failure;
    while (cause && !(cause instanceof OutsideIssuerError)) cause = (cause as { cause?: unknown }).cause;
    expect(cause).toBeInstanceOf(OutsideIssuerError);
    expect(elsewhereHits).toEqual([]);
  });
});
