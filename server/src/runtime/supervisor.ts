import type { Logger } from "../core/logger.js";
import { sleep } from "./process-tools.js";

export type ServiceName = "postgres" | "meilisearch";

/** `external`: not ours to watch (DATABASE_URL / MEILI_URL). `failed`: restarts gave up; the app must exit. */
export type ServiceState = "running" | "restarting" | "failed" | "stopped" | "external";

export type ServiceEvent =
  | { service: ServiceName; kind: "exited"; code: number | null }
  | { service: ServiceName; kind: "restarted"; pid: number | undefined; downForMs: number; attempts: number }
  | { service: ServiceName; kind: "gave-up"; reason: string };

/** What the supervisor needs of a started server (both embedded handles have it). */
export interface SupervisedServer {
  pid: number | undefined;
  onUnexpectedExit(listener: (code: number | null, signal?: NodeJS.Signals | null) => void): void;
  lastOutput?(): string;
  stop(): Promise<void>;
}

export interface RestartPolicy {
  /** Wait before each start attempt after a crash; its length is the number of attempts per crash. */
  delaysMs: readonly number[];
  /** More crashes than this within `windowMs` is a crash loop: give up rather than restart forever. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  delaysMs: [500, 1_000, 2_000, 4_000, 8_000],
  maxCrashes: 5,
  windowMs: 10 * 60_000,
};

const LABEL: Record<ServiceName, string> = { postgres: "PostgreSQL", meilisearch: "Meilisearch" };

/**
 * Keeps one embedded server running: when it exits without being asked to, restarts it with back-off, logs the
 * outage and the return (with how long it was down), and reports each step to `emit`. After the last failed attempt,
 * or in a crash loop, it gives up (state `failed`, event `gave-up`): the process owner then exits non-zero so that
 * systemd or docker restarts the whole app, whose start cleans up whatever was left.
 */
export class Supervisor<S extends SupervisedServer> {
  private server: S;
  private state_: ServiceState = "running";
  private stopping = false;
  private restarting: Promise<void> | undefined;
  private readonly crashes: number[] = [];

  constructor(
    private readonly service: ServiceName,
    first: S,
    private readonly start: () => Promise<S>,
    private readonly logger: Logger,
    private readonly emit: (event: ServiceEvent) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    this.server = first;
    this.watch(first);
  }

  get state(): ServiceState {
    return this.state_;
  }

  get current(): S {
    return this.server;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.restarting;
    if (this.state_ === "running") await this.server.stop();
    else await this.server.stop().catch(() => undefined);
    this.state_ = "stopped";
  }

  private watch(server: S): void {
    server.onUnexpectedExit((code, signal = null) => {
      if (this.stopping || server !== this.server) return;
      this.restarting = this.recover(code, signal);
    });
  }

  private async recover(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    const label = LABEL[this.service];
    const downSince = Date.now();
    this.state_ = "restarting";
    this.logger.error(
      { service: this.service, code, signal, pid: this.server.pid, output: this.server.lastOutput?.() || undefined },
      `${label} exited unexpectedly; restarting it`,
    );
    this.emit({ service: this.service, kind: "exited", code });
    this.crashes.push(downSince);
    while (this.crashes.length && this.crashes[0] < downSince - this.policy.windowMs) this.crashes.shift();
    if (this.crashes.length > this.policy.maxCrashes) {
      return this.giveUp(`${label} crashed ${this.crashes.length} times within ${this.policy.windowMs / 1000} s`);
    }
    let lastError = "";
    for (const [i, delay] of this.policy.delaysMs.entries()) {
      await sleep(delay);
      if (this.stopping) return;
      try {
        const server = await this.start();
        if (this.stopping) {
          await server.stop();
          return;
        }
        this.server = server;
        this.watch(server);
        this.state_ = "running";
        const downForMs = Date.now() - downSince;
        this.logger.info(
          { service: this.service, pid: server.pid, downForMs, attempts: i + 1 },
          `${label} is back (restarted in ${downForMs} ms)`,
        );
        this.emit({ service: this.service, kind: "restarted", pid: server.pid, downForMs, attempts: i + 1 });
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        this.logger.warn(
          { service: this.service, attempt: i + 1, of: this.policy.delaysMs.length, err: lastError },
          `${label} restart attempt ${i + 1} failed`,
        );
      }
    }
    this.giveUp(`${label} could not be restarted after ${this.policy.delaysMs.length} attempts: ${lastError}`);
  }

  private giveUp(reason: string): void {
    this.state_ = "failed";
    this.logger.fatal({ service: this.service }, reason);
    this.emit({ service: this.service, kind: "gave-up", reason });
  }
}
