import pg from "pg";
import { inject } from "vitest";

/**
 * A direct connection to the e2e server's database, as someone with access to PostgreSQL has: for the tests whose
 * point is what happens under the API (a row of the audit log changed behind the app's back). Seeding goes through
 * the API (support/api.ts), never through here.
 */
export async function withServerDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
