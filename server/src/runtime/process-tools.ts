import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * What the embedded-server start-up needs to find a server left behind by a killed tsunagu, and to say who holds a
 * port when it is not ours. Linux only (/proc), like the embedded Meilisearch binary.
 */

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user (as root the postgres user's server is still ours to signal).
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process's argv, or null when it is gone (or hidden from us). */
export function commandLine(pid: number): string[] | null {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return argv.length ? argv : null;
  } catch {
    return null;
  }
}

/** True when `pid` is a running `program` (by the file name of argv[0]) whose arguments include `argument`. */
export function isProgramWith(pid: number, program: string, argument: string): boolean {
  const argv = commandLine(pid);
  return !!argv && path.basename(argv[0]).startsWith(program) && argv.includes(argument);
}

/** The parent's pid, from /proc/PID/stat (its 4th field, after the parenthesised name), or null when gone. */
export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/**
 * The node process that started `pid` and still runs (another tsunagu using the same data folder), or null when
 * `pid` is an orphan: its starter was killed and it now belongs to init or a subreaper.
 */
export function liveNodeParent(pid: number): { pid: number; command: string } | null {
  const parent = parentOf(pid);
  if (!parent || parent <= 1 || parent === process.pid) return null;
  const argv = commandLine(parent);
  if (!argv || !path.basename(argv[0]).startsWith("node")) return null;
  return { pid: parent, command: argv.join(" ").slice(0, 200) };
}

export async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  return !isAlive(pid);
}

/**
 * Asks a process to stop with `signal`, escalating to SIGKILL after `graceMs`; resolves once it is gone (or
 * returns false when it cannot be made to go).
 */
export async function stopProcess(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !isAlive(pid);
  }
  if (await waitForExit(pid, graceMs)) return true;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone meanwhile
  }
  return waitForExit(pid, 5_000);
}

/** Whether a server could listen on host:port right now. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Waits until host:port can be listened on; true when it became free within `ms`. */
export async function waitForPortFree(port: number, ms: number, host = "127.0.0.1"): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await isPortFree(port, host)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
}

/**
 * Which process listens on a TCP port, as "pid 123 (program args…)", from /proc/net/tcp{,6} and the processes'
 * socket descriptors; null when it cannot be told (another user's process without root, or nothing found).
 */
export function describePortHolder(port: number): string | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      const localPort = parseInt(cols[1]?.split(":")[1] ?? "", 16);
      // State 0A is LISTEN.
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) {
        const argv = commandLine(Number(entry)) ?? [];
        return `pid ${entry} (${argv.join(" ").slice(0, 200)})`;
      }
    }
  }
  return null;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
