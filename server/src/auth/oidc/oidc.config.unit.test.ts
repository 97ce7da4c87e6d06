import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";

const OIDC = {
  OIDC_ISSUER: "https://idp.city.example.lg.jp/realms/staff",
  OIDC_CLIENT_ID: "tsunagu",
  OIDC_CLIENT_SECRET: "secret-from-the-idp",
  OIDC_REDIRECT_URI: "https://tsunagu.city.example.lg.jp/auth/oidc/callback",
} as const;

describe("OIDC_* configuration", () => {
  it("is off without any of the variables, and on with all four", () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ ...OIDC }).oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: "tsunagu",
      clientSecret: "secret-from-the-idp",
      redirectUri: OIDC.OIDC_REDIRECT_URI,
    });
  });

  it("refuses some of them without the others, naming what is missing", () => {
    expect(() => loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI: required/,
    );
  });

  it("accepts plain http only on loopback", () => {
    expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: "http://idp.city.example.lg.jp" })).toThrow(/OIDC_ISSUER: must be/);
    expect(() => loadConfig({ ...OIDC, OIDC_REDIRECT_URI: "http://tsunagu.example.lg.jp/cb" })).toThrow(
      /OIDC_REDIRECT_URI: must be/,
    );
    expect(loadConfig({ ...OIDC, OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc?.issuer).toBe("http://127.0.0.1:9000");
  });
});
