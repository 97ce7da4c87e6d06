/** `npm run db:migrate`: applies pending migrations to the configured (or embedded) database. */
import "reflect-metadata";
import { runScript } from "./bootstrap.js";

void runScript("db:migrate", async ({ db }) => {
  // runScript already applied them; report where things stand.
  const rows: { name: string }[] = await db.query("SELECT name FROM migrations ORDER BY id");
  console.log(`database is at ${rows.length} migration(s); latest: ${rows.at(-1)?.name ?? "none"}`);
});
