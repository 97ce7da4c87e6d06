import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    base: { app: "tsunagu" },
    redact: {
      paths: ["password", "*.password", "req.headers.cookie", "req.headers.authorization"],
      censor: "[Redacted]",
    },
  });
}
