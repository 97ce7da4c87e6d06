import * as client from "openid-client";
import type { OidcSettings } from "../../config.js";

/** What tsunagu keeps in the browser (an HttpOnly cookie) between the redirect to the provider and its answer. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go once signed in (a same-site path), if a page asked for sign-in. */
  next: string | null;
}

/** The claims tsunagu reads: the subject, and the e-mail with the provider's word on whether it is verified. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

/** Thrown when a request would go anywhere but the configured issuer's origin (the city network has no way out). */
export class OutsideIssuerError extends Error {}

const SCOPE = "openid email";

/**
 * The authorization code flow with PKCE (S256), state and nonce, through openid-client. The provider's discovery
 * document is read from the configured issuer URL, once (again after a failure); every request, the token, keys and
 * userinfo endpoints included, must stay on the issuer's own origin.
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly issuerOrigin: string;

  constructor(private readonly settings: OidcSettings) {
    this.issuerOrigin = new URL(settings.issuer).origin;
  }

  async authorizationUrl(next: string | null): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.config();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: "S256",
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Exchanges the code of the provider's answer (the callback's query) for tokens, checking
   * state, nonce, PKCE and the ID token's signature, issuer, audience and lifetime (openid-client does all of them).
   * The e-mail comes from the ID token, or from the userinfo endpoint when the ID token carries only the subject.
   */
  async identityFor(answer: URLSearchParams, pending: PendingSignIn): Promise<ProviderIdentity> {
    const config = await this.config();
    // The configured redirect URI, not the request's own URL: behind a proxy the two differ, and the provider
    // compares it with the one the sign-in started with.
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = answer.toString();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let email: unknown = claims.email;
    let verified: unknown = claims.email_verified;
    if (email === undefined && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      verified = info.email_verified;
    }
    return {
      issuer: config.serverMetadata().issuer,
      subject: claims.sub,
      email: typeof email === "string" && email.length <= 320 ? email.trim().toLowerCase() : null,
      emailVerified: verified === true,
    };
  }

  private config(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = null; // try again on the next sign-in
      throw error;
    });
    return this.configuration;
  }

  private discover(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    const onlyIssuer: client.CustomFetch = (url, options) => {
      if (new URL(url).origin !== this.issuerOrigin)
        return Promise.reject(new OutsideIssuerError(`refused a request outside the issuer's origin: ${url}`));
      return fetch(url, options);
    };
    return client.discovery(
      issuer,
      this.settings.clientId,
      undefined,
      client.ClientSecretBasic(this.settings.clientSecret),
      {
        [client.customFetch]: onlyIssuer,
        // config.ts allows plain http only for a loopback issuer (a test's provider, or a proxy on this machine).
        execute: issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
      },
    );
  }
}
