import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "../core/logger.js";
import { SearchHealth } from "../search/search-health.js";
import { freePort } from "../test/free-port.js";
import {
  reportSearchOutages,
  startBackingServices,
  type BackingServices,
  type ServiceEvent,
} from "./backing-services.js";
import { isAlive } from "./process-tools.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(env: Record<string, string>, policy?: Parameters<typeof startBackingServices>[2]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-supervised-"));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const config = loadConfig({ NODE_ENV: "development", TSUNAGU_DATA_DIR: dir, ...env });
  const services = await startBackingServices(config, createLogger("silent"), policy);
  cleanups.push(() => services.stop());
  const events: ServiceEvent[] = [];
  services.onEvent((e) => events.push(e));
  return { dir, config, services, events };
}

/** Resolves with the first event of that kind (already seen or still to come). */
function nextEvent(services: BackingServices, events: ServiceEvent[], kind: ServiceEvent["kind"], ms: number) {
  return new Promise<ServiceEvent>((resolve, reject) => {
    const seen = events.find((e) => e.kind === kind);
    if (seen) return resolve(seen);
    const timer = setTimeout(
      () => reject(new Error(`no ${kind} event within ${ms} ms: ${JSON.stringify(events)}`)),
      ms,
    );
    services.onEvent((e) => {
      if (e.kind === kind) {
        clearTimeout(timer);
        resolve(e);
      }
    });
  });
}

const meiliPid = (dir: string) => Number(readFileSync(path.join(dir, "meilisearch", "meilisearch.pid"), "utf8"));

describe("supervised embedded services", () => {
  it("restarts a SIGKILLed Meilisearch; search health is degraded (restarting) at once and ok when it is back", async () => {
    const { dir, services, events } = await start({
      DATABASE_URL: `${inject("pgServerUrl")}/postgres`,
      TSUNAGU_MEILI_PORT: String(await freePort()),
    });
    const health = new SearchHealth(createLogger("silent"));
    reportSearchOutages(services, health);
    let degradedWhenToldOfTheExit: string | undefined;
    services.onEvent((e) => {
      if (e.kind === "exited") degradedWhenToldOfTheExit = health.state;
    });
    const before = meiliPid(dir);
    process.kill(before, "SIGKILL");

    await nextEvent(services, events, "exited", 5_000);
    expect(degradedWhenToldOfTheExit).toBe("restarting");
    expect(health.degraded).toBe(true);
    expect(services.state().meilisearch).toBe("restarting");

    const back = await nextEvent(services, events, "restarted", 20_000);
    expect(back).toMatchObject({ service: "meilisearch", attempts: 1 });
    console.info(`meilisearch restarted in ${(back as { downForMs: number }).downForMs} ms`);
    expect(health.degraded).toBe(false);
    expect(health.state).toBe("ok");
    expect(services.state().meilisearch).toBe("running");
    const after = meiliPid(dir);
    expect(after).not.toBe(before);
    expect(isAlive(after)).toBe(true);
    expect((await fetch(`${services.meiliUrl}/health`)).ok).toBe(true);
  }, 60_000);

  it("gives up, naming who holds the port, when a crashed Meilisearch cannot come back", async () => {
    const port = await freePort();
    const { dir, services, events } = await start(
      { DATABASE_URL: `${inject("pgServerUrl")}/postgres`, TSUNAGU_MEILI_PORT: String(port) },
      { delaysMs: [300, 300], maxCrashes: 5, windowMs: 60_000 },
    );
    const squatter = net.createServer();
    cleanups.push(() => new Promise<void>((r) => squatter.close(() => r())));
    process.kill(meiliPid(dir), "SIGKILL");
    await nextEvent(services, events, "exited", 5_000);
    // Take the port in the moment between the crash and the first restart attempt.
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 250;
      const attempt = () => {
        squatter.once("error", () =>
          Date.now() < deadline ? setTimeout(attempt, 10) : reject(new Error("port busy")),
        );
        squatter.listen(port, "127.0.0.1", () => resolve());
      };
      attempt();
    });
    const gaveUp = await nextEvent(services, events, "gave-up", 30_000);
    expect((gaveUp as { reason: string }).reason).toMatch(
      new RegExp(`after 2 attempts.*127\\.0\\.0\\.1:${port} is in use by pid ${process.pid}`),
    );
    expect(services.state().meilisearch).toBe("failed");
  }, 60_000);

  it("restarts a SIGKILLed embedded PostgreSQL, and the database answers again", async () => {
    const { config, services, events } = await start({
      TSUNAGU_PG_PORT: String(await freePort()),
      MEILI_URL: inject("meiliUrl"),
      ...(inject("meiliKey") ? { MEILI_MASTER_KEY: inject("meiliKey") } : {}),
    });
    const query = async () => {
      const client = new pg.Client({ connectionString: services.databaseUrl });
      await client.connect();
      try {
        return (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
      } finally {
        await client.end();
      }
    };
    await query();
    const pidFile = path.join(config.dataDir, "postgres", "pgdata", "postmaster.pid");
    const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");

    await nextEvent(services, events, "exited", 5_000);
    expect(services.state().postgres).toBe("restarting");
    const back = await nextEvent(services, events, "restarted", 40_000);
    console.info(
      `postgres restarted in ${(back as { downForMs: number }).downForMs} ms after ${(back as { attempts: number }).attempts} attempt(s)`,
    );
    expect(services.state().postgres).toBe("running");
    expect(await query()).toBeGreaterThan(0);
    expect(Number(readFileSync(pidFile, "utf8").split("\n")[0])).not.toBe(postmaster);
  }, 60_000);
});
