import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const PROD = { NODE_ENV: "production", DATABASE_URL: "postgres://tsunagu:s3cret@db:5432/tsunagu" } as const;

describe("config", () => {
  it("has secure session defaults and no cross-origin access or proxy trust unless configured", () => {
    const c = loadConfig({});
    expect(c.sessionIdleMinutes).toBe(30);
    expect(c.sessionTtlHours).toBe(12);
    expect(c.corsOrigins).toEqual([]);
    expect(c.trustProxy).toBe(false);
    expect(c.production).toBe(false);
  });

  it("reads SESSION_IDLE_MINUTES and refuses nonsense", () => {
    expect(loadConfig({ SESSION_IDLE_MINUTES: "15" }).sessionIdleMinutes).toBe(15);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: "abc" })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("reads SESSION_STAY_SIGNED_IN_HOURS (「ログインしたままにする」): 12 by default, at most a day", () => {
    expect(loadConfig({}).sessionStaySignedInHours).toBe(12);
    expect(loadConfig({ SESSION_STAY_SIGNED_IN_HOURS: "8" }).sessionStaySignedInHours).toBe(8);
    expect(() => loadConfig({ SESSION_STAY_SIGNED_IN_HOURS: "25" })).toThrow(/SESSION_STAY_SIGNED_IN_HOURS/);
    expect(() => loadConfig({ SESSION_STAY_SIGNED_IN_HOURS: "0" })).toThrow(ConfigError);
  });

  it("reads TSUNAGU_SECRET_KEY as 32 bytes in base64, refuses anything else without echoing it, and is null unset", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(loadConfig({ TSUNAGU_SECRET_KEY: key }).secretKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({}).secretKey).toBeNull();
    expect(() => loadConfig({ TSUNAGU_SECRET_KEY: "hunter2-too-short" })).toThrow(/TSUNAGU_SECRET_KEY/);
    expect(() => loadConfig({ TSUNAGU_SECRET_KEY: "hunter2-too-short" })).not.toThrow(/hunter2/);
  });

  it("parses CORS_ORIGINS as exact origins and refuses wildcards and paths", () => {
    expect(loadConfig({ CORS_ORIGINS: " https://a.example.lg.jp, http://localhost:5173 " }).corsOrigins).toEqual([
      "https://a.example.lg.jp",
      "http://localhost:5173",
    ]);
    expect(loadConfig({ CORS_ORIGINS: "https://a.example.lg.jp/" }).corsOrigins).toEqual(["https://a.example.lg.jp"]);
    expect(() => loadConfig({ CORS_ORIGINS: "*" })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: "https://a.example.lg.jp/app" })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: "a.example.lg.jp" })).toThrow(/CORS_ORIGINS/);
  });

  it("parses TRUST_PROXY as a hop count or a list of proxies, never `true`", () => {
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: "proxy.example" })).toThrow(/TRUST_PROXY/);
  });

  describe("production: secrets only from the environment", () => {
    it("starts with external services and their secrets", () => {
      const c = loadConfig({ ...PROD, MEILI_URL: "http://search:7700", MEILI_MASTER_KEY: "0123456789abcdef0123" });
      expect(c.production).toBe(true);
      expect(c.meiliMasterKey).toBe("0123456789abcdef0123");
      expect(c.cookieSecure).toBe(true);
      expect(c.seedDemo).toBe(false);
    });

    it("refuses MEILI_URL without MEILI_MASTER_KEY", () => {
      expect(() => loadConfig({ ...PROD, MEILI_URL: "http://search:7700" })).toThrow(
        /MEILI_MASTER_KEY: required in production/,
      );
    });

    it("refuses to start the embedded Meilisearch on the quiet: MEILI_URL is required unless the operator opts in by name", () => {
      expect(() => loadConfig(PROD)).toThrow(ConfigError);
      expect(() => loadConfig(PROD)).toThrow(
        /MEILI_URL: required in production.*TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH=true/,
      );
      expect(() => loadConfig({ ...PROD, TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH: "false" })).toThrow(
        /MEILI_URL: required in production/,
      );
      expect(loadConfig({ ...PROD, TSUNAGU_ALLOW_EMBEDDED_MEILISEARCH: "true" }).allowEmbeddedMeilisearch).toBe(true);
      expect(
        loadConfig({ ...PROD, MEILI_URL: "http://search:7700", MEILI_MASTER_KEY: "0123456789abcdef0123" })
          .allowEmbeddedMeilisearch,
      ).toBe(false);
      // Development starts it without being asked, as before.
      expect(loadConfig({}).meiliUrl).toBeUndefined();
    });

    it("refuses to run without DATABASE_URL (the embedded PostgreSQL's password is baked in)", () => {
      expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/DATABASE_URL: required in production/);
    });

    it("accepts the same settings outside production (development falls back to embedded services)", () => {
      const c = loadConfig({ MEILI_URL: "http://search:7700" });
      expect(c.meiliMasterKey).toBeUndefined();
      expect(c.databaseUrl).toBeUndefined();
    });
  });
});
