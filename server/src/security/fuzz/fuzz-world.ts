import pino from "pino";
import type { Logger } from "../../core/logger.js";
import { seedDemoCaseload } from "../../db/seed/seed-caseload.js";
import { seedDemoCity } from "../../db/seed/seed-demo.js";
import { reindexResources } from "../../search/reindex.js";
import type { TestApp } from "../../test/test-app.js";
import type { FuzzWorld } from "./fuzz-runner.js";

const DEMO_USERS = {
  ADMIN: "admin@example.jp",
  COORDINATOR: "coordinator@example.jp",
  HOST: "host@example.jp",
  VIEWER: "viewer@example.jp",
} as const;

/**
 * A logger for the app under fuzzing that keeps the last unexpected errors by request id, so a failure can be
 * printed with what the server saw (the client only gets the request id).
 */
export function capturingLogger(): { logger: Logger; serverErrorFor(requestId: string): string | undefined } {
  const byRequest = new Map<string, string>();
  const logger = pino(
    { level: "error" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as {
          requestId?: string;
          err?: { message?: string; stack?: string };
          msg?: string;
        };
        if (!entry.requestId) return;
        const stack = entry.err?.stack?.split("\n").slice(0, 4).join(" | ");
        byRequest.set(entry.requestId, stack ?? entry.err?.message ?? entry.msg ?? "");
        if (byRequest.size > 1000) byRequest.delete(byRequest.keys().next().value!);
      },
    },
  );
  return { logger, serverErrorFor: (id) => byRequest.get(id) };
}

/**
 * The demo city (みどり野市: areas, 52 organizations, listings, users) and its caseload (persons, consents, plans,
 * matches in every stage, follow-ups, gaps), indexed for search: real rows for the fuzzer's ids to point at.
 */
export async function prepareFuzzWorld(
  t: TestApp,
  serverErrorFor: (requestId: string) => string | undefined,
  options: { resources?: number } = {},
): Promise<FuzzWorld> {
  await seedDemoCity(t.db, { resources: options.resources });
  await seedDemoCaseload(t.db);
  await t.app.searchIndex.ensure();
  await reindexResources(t.db, t.app.searchIndex);
  const users = {} as FuzzWorld["users"];
  let hostOrganizationId: string | null = null;
  for (const [role, email] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, string][]) {
    const [row] = await t.db.query("SELECT id, organization_id FROM app_user WHERE email = $1", [email]);
    users[role] = row.id;
    if (role === "HOST") hostOrganizationId = row.organization_id;
  }
  await seedEvaluationRecords(t, users.COORDINATOR, hostOrganizationId!);
  return { app: t.app, db: t.db, users, hostOrganizationId, serverErrorFor };
}

/**
 * A few 相談受付, 会議, 協力依頼 and 受け入れ先支援 rows (the demo city has none), so that their update mutations meet
 * real rows and versions, as the other features' do.
 */
async function seedEvaluationRecords(t: TestApp, coordinatorId: string, organizationId: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const day = `2026-0${4 + i}-10`;
    await t.db.query(
      "INSERT INTO consultation_intake (received_on, route, field, outcome, recorded_by_id) VALUES ($1, 'PHONE', 'ALL', $2, $3)",
      [day, i % 2 ? "CONSENTED" : "INFO_ONLY", coordinatorId],
    );
    await t.db.query(
      "INSERT INTO cooperation_request (organization_id, requested_on, kind, recorded_by_id) VALUES ($1, $2, 'ACCEPT_PERSON', $3)",
      [organizationId, day, coordinatorId],
    );
    await t.db.query(
      "INSERT INTO host_support (organization_id, given_on, kind, method, recorded_by_id) VALUES ($1, $2, 'VISIT', 'VISIT', $3)",
      [organizationId, day, coordinatorId],
    );
    await t.db.query(
      "INSERT INTO meeting_record (held_on, kind, title, recorded_by_id) VALUES ($1, 'REGULAR', '定例会議', $2)",
      [day, coordinatorId],
    );
  }
}
