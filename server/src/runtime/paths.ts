import { statSync } from "node:fs";
import path from "node:path";

/**
 * As root, embedded PostgreSQL runs as the `postgres` user, which must be able to reach its data folder and the
 * binaries in node_modules. A checkout under /root (mode 0700) fails deep inside initdb; fail early and clearly.
 */
export function assertTraversable(target: string): void {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) return;
  const blocked: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    } catch {
      // not created yet: its parent decides
    }
    if (dir === path.dirname(dir)) break;
  }
  if (blocked.length) {
    throw new Error(
      `Running as root: embedded PostgreSQL runs as the 'postgres' user and cannot enter ${blocked.join(", ")}. ` +
        `Run as a normal user, move the checkout (e.g. to /srv or /opt), 'chmod o+x' those folders, or set DATABASE_URL.`,
    );
  }
}
