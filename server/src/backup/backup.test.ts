import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../app.js";
import { createLogger } from "../core/logger.js";
import { createDataSource } from "../db/data-source.js";
import { seedDemoCaseload } from "../db/seed/seed-caseload.js";
import { seedDemoCity } from "../db/seed/seed-demo.js";
import { ensureDatabase } from "../runtime/embedded-postgres.js";
import { ResourceSearchIndex } from "../search/search-index.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { dropDatabase } from "../test/test-backing-services.js";
import { listTables, q } from "./backup.catalog.js";
import { BACKUP_FORMAT, EXCLUDED_TABLES, type BackupHeader } from "./backup.format.js";
import { verifyBackup } from "./backup.reader.js";
import { restoreBackup } from "./backup.restore.js";
import { TargetNotEmptyError } from "./backup.target.js";
import { writeBackup, type BackupSummary } from "./backup.writer.js";

const serverUrl = () => inject("pgServerUrl");
const meiliFor = (prefix: string) => ({ url: inject("meiliUrl"), key: inject("meiliKey"), prefix });

let dir: string;
let source: TestApp;
let backup: BackupSummary;
const databases: string[] = [];
const indexes: ResourceSearchIndex[] = [];

async function query<T = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A new database on the test server: blank (no tables), or migrated like the app's. */
async function newDatabase(kind: "blank" | "migrated" = "blank"): Promise<{ name: string; url: string }> {
  const name = `r_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(serverUrl(), name);
  databases.push(name);
  const url = `${serverUrl()}/${name}`;
  if (kind === "migrated") {
    const ds = createDataSource(url, { poolSize: 1 });
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    await ds.destroy();
  }
  return { name, url };
}

/** Every row of a table, as text, in one digest: equal digests mean equal contents, every column and type. */
const fingerprint = async (url: string, table: string) =>
  (
    await query(
      url,
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(j, E'\\n' ORDER BY j), '')) AS h FROM (SELECT row_to_json(t)::text AS j FROM ${q(table)} t) s`,
    )
  )[0];

/** Rewrites a backup's lines; `rehash` recomputes the trailer's checksum (a deliberate edit rather than damage). */
function rewrite(file: string, out: string, edit: (lines: string[]) => string[], rehash: boolean) {
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(0, -1);
  const edited = edit(lines);
  if (rehash) {
    const trailer = JSON.parse(edited.at(-1)!);
    trailer.sha256 = createHash("sha256")
      .update(
        edited
          .slice(0, -1)
          .map((l) => l + "\n")
          .join(""),
      )
      .digest("hex");
    edited[edited.length - 1] = JSON.stringify(trailer);
  }
  writeFileSync(out, gzipSync(edited.join("\n") + "\n"));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-backup-"));
  chmodSync(dir, 0o755);
  source = await createTestApp();
  await seedDemoCity(source.db);
  await seedDemoCaseload(source.db);
  // Values whose text form is easy to get wrong, and a changed setting (the migration's own row, edited).
  const org = await source.factories.organization({ name: '復元テスト団体 "引用" \\ バックスラッシュ' });
  await source.factories.resource({
    organizationId: org.id,
    name: "バックアップ復元テスト広場",
    description: "ことばあそび\n改行とタブ\t🍙 \u2028 NULL ' \" {a,b}",
    lat: 35.123456789012344,
    lng: 139.98765432109877,
    activities: ["a,b", '"q"', "NULL", "\\"],
    capacity: 0,
  });
  await source.db.query(
    "UPDATE municipal_settings SET first_check_days = 21, settling_check_months = '{2,4,8}' WHERE id = 1",
  );
  await source.asViewer(await source.factories.user());
  await source.indexNow();
  backup = await writeBackup({ databaseUrl: source.databaseUrl, out: path.join(dir, "demo.jsonl.gz") });
}, 180_000);

afterAll(async () => {
  for (const index of indexes) await index.client.deleteIndexIfExists(index.uid).catch(() => undefined);
  for (const name of databases) await dropDatabase(serverUrl(), name);
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup", () => {
  it("writes a private gzip JSON Lines file: header, every table but the excluded ones, a checksum", async () => {
    const { header, rows } = await verifyBackup(backup.file);
    expect(header.format).toBe(BACKUP_FORMAT);
    expect(header.server.versionNum).toBeGreaterThanOrEqual(160000);
    expect(header.migrations.map((m) => m.name)).toEqual(
      (await source.db.query("SELECT name FROM migrations ORDER BY id")).map((r: { name: string }) => r.name),
    );
    const client = new pg.Client({ connectionString: source.databaseUrl });
    await client.connect();
    const all = (await listTables(client)).map((t) => t.name);
    await client.end();
    expect(header.tables.map((t) => t.name).sort()).toEqual(all.filter((t) => !(t in EXCLUDED_TABLES)).sort());
    expect(header.excludedTables.map((t) => t.name).sort()).toEqual(["migrations", "search_outbox", "user_session"]);
    expect(header.excludedTables.every((t) => t.rows > 0)).toBe(true);
    for (const t of header.tables) expect(t.rows, t.name).toBe((await fingerprint(source.databaseUrl, t.name)).n);
    expect(rows).toBe(backup.rows);
    expect(backup.rows).toBeGreaterThan(2_000);
    // Parents before children: organization before resource before match.
    const at = (name: string) => header.tables.findIndex((t) => t.name === name);
    expect(at("organization")).toBeLessThan(at("resource"));
    expect(at("resource")).toBeLessThan(at("match"));
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${backup.file}.sha256`, "utf8")).toBe(`${backup.sha256}  demo.jsonl.gz\n`);
    expect(existsSync(`${backup.file}.partial`)).toBe(false);
  });
});

describe("restore", () => {
  it("restores into a blank database: every table's rows, a sample compared as JSON, sequences, search", async () => {
    const target = await newDatabase("blank");
    const restored = await restoreBackup({
      databaseUrl: target.url,
      file: backup.file,
      meili: meiliFor(`${target.name}_`),
    });
    expect(restored.rows).toBe(backup.rows);
    expect(restored.indexed).toBe((await fingerprint(source.databaseUrl, "resource")).n);

    const header: BackupHeader = restored.header;
    for (const t of header.tables) {
      expect(await fingerprint(target.url, t.name), t.name).toEqual(await fingerprint(source.databaseUrl, t.name));
      // A readable diff when something is off: 20 random rows by primary key.
      const key = `json_build_array(${t.primaryKey.map(q).join(", ")})::text`;
      const sample = await query(
        source.databaseUrl,
        `SELECT ${key} AS k, row_to_json(t) AS j FROM ${q(t.name)} t ORDER BY random() LIMIT 20`,
      );
      const back = await query(
        target.url,
        `SELECT ${key} AS k, row_to_json(t) AS j FROM ${q(t.name)} t WHERE ${key} = ANY($1)`,
        [sample.map((s) => s.k)],
      );
      expect(new Map(back.map((r) => [r.k, r.j])), t.name).toEqual(new Map(sample.map((r) => [r.k, r.j])));
    }
    for (const t of header.excludedTables.filter((x) => x.name !== "migrations")) {
      expect((await fingerprint(target.url, t.name)).n, t.name).toBe(0);
    }
    expect(await query(target.url, "SELECT name FROM migrations ORDER BY id")).toEqual(
      await query(source.databaseUrl, "SELECT name FROM migrations ORDER BY id"),
    );

    // The tricky values came back as they were (the fingerprints say so for all; here in plain sight).
    const [tricky] = await query(
      target.url,
      "SELECT description, lat, lng, activities, schedule FROM resource WHERE name = 'バックアップ復元テスト広場'",
    );
    expect(tricky).toEqual({
      description: "ことばあそび\n改行とタブ\t🍙 \u2028 NULL ' \" {a,b}",
      lat: 35.123456789012344,
      lng: 139.98765432109877,
      activities: ["a,b", '"q"', "NULL", "\\"],
      schedule: expect.objectContaining({ rules: [] }),
    });
    const [settings] = await query(
      target.url,
      "SELECT first_check_days, settling_check_months FROM municipal_settings",
    );
    expect(settings).toEqual({ first_check_days: 21, settling_check_months: [2, 4, 8] });
    expect(
      (
        await query(
          target.url,
          "SELECT count(*)::int AS n FROM resource WHERE jsonb_array_length(schedule->'rules') > 0",
        )
      )[0].n,
    ).toBeGreaterThan(100);

    // Sequences go on from the original's value, not from 1.
    const [{ last }] = await query(source.databaseUrl, "SELECT last_value::int AS last FROM search_outbox_id_seq");
    const [{ id }] = await query(
      target.url,
      "INSERT INTO search_outbox (entity_id) VALUES (gen_random_uuid()) RETURNING id::int AS id",
    );
    expect(id).toBeGreaterThan(last);

    // The restored system works: a listing is found through the rebuilt index, not the PostgreSQL fallback.
    const db = createDataSource(target.url, { poolSize: 2 });
    await db.initialize();
    const app = await createApp({
      db,
      databaseUrl: target.url,
      logger: createLogger("silent"),
      meili: meiliFor(`${target.name}_`),
      config: { production: false, cookieSecure: false, sessionTtlHours: 12 },
    });
    indexes.push(app.searchIndex);
    try {
      const res = await app.execute<any>({
        query: `{ searchResources(input: { text: "バックアップ復元テスト広場" }) { totalCount degraded edges { node { name } } } }`,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.searchResources.degraded).toBe(false);
      expect(res.data.searchResources.edges[0].node.name).toBe("バックアップ復元テスト広場");
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it("restores into a freshly migrated database: the migration's settings row makes way for the backup's", async () => {
    const target = await newDatabase("migrated");
    expect((await query(target.url, "SELECT first_check_days FROM municipal_settings"))[0].first_check_days).toBe(14);
    await restoreBackup({ databaseUrl: target.url, file: backup.file });
    expect((await query(target.url, "SELECT first_check_days FROM municipal_settings"))[0].first_check_days).toBe(21);
    for (const t of backup.header.tables) expect((await fingerprint(target.url, t.name)).n, t.name).toBe(t.rows);
  });

  it("refuses a database that holds data, and leaves it as it was", async () => {
    const before = await fingerprint(source.databaseUrl, "organization");
    await expect(restoreBackup({ databaseUrl: source.databaseUrl, file: backup.file })).rejects.toThrow(
      TargetNotEmptyError,
    );
    expect(await fingerprint(source.databaseUrl, "organization")).toEqual(before);

    // One row is enough, and a setting changed after the migration counts as data too.
    const used = await newDatabase("migrated");
    await query(used.url, "INSERT INTO area (type, name, name_kana) VALUES ('WELFARE_AREA', '一つだけ', 'ヒトツダケ')");
    await expect(restoreBackup({ databaseUrl: used.url, file: backup.file })).rejects.toThrow(
      /"r_[0-9a-f]+" is not empty: area \(1\)/,
    );
    const edited = await newDatabase("migrated");
    await query(edited.url, "UPDATE municipal_settings SET first_check_days = 10");
    await expect(restoreBackup({ databaseUrl: edited.url, file: backup.file })).rejects.toThrow(
      /municipal_settings \(1\)/,
    );
    const other = await newDatabase("blank");
    await query(other.url, "CREATE TABLE notes (id int)");
    await expect(restoreBackup({ databaseUrl: other.url, file: backup.file })).rejects.toThrow(/no tsunagu migrations/);
  });

  it("refuses a changed, truncated or mismatched file before writing anything", async () => {
    const target = await newDatabase("blank");
    // A plausible edit: one organization renamed, the gzip itself intact.
    const changed = rewrite(
      backup.file,
      path.join(dir, "changed.jsonl.gz"),
      (lines) => lines.map((l) => l.replace("復元テスト団体", "改ざん団体")),
      false,
    );
    await expect(restoreBackup({ databaseUrl: target.url, file: changed })).rejects.toThrow(/failed its checksum/);
    const bytes = readFileSync(backup.file);
    const truncated = path.join(dir, "truncated.jsonl.gz");
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreBackup({ databaseUrl: target.url, file: truncated })).rejects.toThrow(/truncated|damaged/);
    // Same contents compressed again, next to the original's checksum file: the sidecar catches the swap.
    const swapped = path.join(dir, "swapped.jsonl.gz");
    writeFileSync(swapped, gzipSync(gunzipSync(readFileSync(backup.file)), { level: 1 }));
    writeFileSync(`${swapped}.sha256`, readFileSync(`${backup.file}.sha256`));
    await expect(restoreBackup({ databaseUrl: target.url, file: swapped })).rejects.toThrow(
      /does not match its checksum file/,
    );
    expect(await query(target.url, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace")).toEqual(
      [],
    );
  });

  it("refuses a backup from a newer tsunagu whose migrations this build does not know", async () => {
    const future = rewrite(
      backup.file,
      path.join(dir, "future.jsonl.gz"),
      (lines) => {
        const header = JSON.parse(lines[0]);
        header.migrations.push({ timestamp: "1999999999999", name: "SomethingNew1999999999999" });
        return [JSON.stringify(header), ...lines.slice(1)];
      },
      true,
    );
    const target = await newDatabase("blank");
    await expect(restoreBackup({ databaseUrl: target.url, file: future })).rejects.toThrow(
      /newer tsunagu.*SomethingNew1999999999999/,
    );
    expect(await query(target.url, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace")).toEqual(
      [],
    );
  });
});

describe("consistency and triggers", () => {
  it("dumps one snapshot: rows written, changed or deleted during the dump are not in it, and header and body agree", async () => {
    const busy = await createTestApp();
    try {
      const org = await busy.factories.organization({ name: "元の名前" });
      for (let i = 0; i < 5; i++) await busy.factories.resource({ organizationId: org.id });
      const area = await busy.factories.area();
      const before = {
        resource: (await fingerprint(busy.databaseUrl, "resource")).n,
        area: (await fingerprint(busy.databaseUrl, "area")).n,
      };
      let concurrent = 0;
      const dump = await writeBackup({
        databaseUrl: busy.databaseUrl,
        out: path.join(dir, "busy.jsonl.gz"),
        // After the header is written, other sessions commit changes; the dump must not see them.
        onProgress: async ({ doneRows }) => {
          if (doneRows !== 0) return;
          for (let i = 0; i < 3; i++) await busy.factories.resource({ organizationId: org.id });
          await query(busy.databaseUrl, "UPDATE organization SET name = '後の名前' WHERE id = $1", [org.id]);
          await query(busy.databaseUrl, "DELETE FROM area WHERE id = $1", [area.id]);
          concurrent++;
        },
      });
      expect(concurrent).toBe(1);
      expect((await fingerprint(busy.databaseUrl, "resource")).n).toBe(before.resource + 3);
      expect(dump.header.tables.find((t) => t.name === "resource")!.rows).toBe(before.resource);
      const target = await newDatabase("blank");
      await restoreBackup({ databaseUrl: target.url, file: dump.file });
      expect((await fingerprint(target.url, "resource")).n).toBe(before.resource);
      expect((await fingerprint(target.url, "area")).n).toBe(before.area);
      expect((await query(target.url, "SELECT name FROM organization WHERE id = $1", [org.id]))[0].name).toBe(
        "元の名前",
      );
    } finally {
      await busy.close();
    }
  });

  // What an audit trail looks like to a restore: an append-only table (identity key, a generated column) whose guard
  // refuses UPDATE and DELETE (also on the settings row), a trigger that writes to it on every insert, a disabled
  // trigger, and a table referencing itself with more rows than one insert batch, children stored before parents.
  const AUDIT_DDL = `
    CREATE TABLE audit_like (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text NOT NULL,
      what_length int GENERATED ALWAYS AS (length(what)) STORED);
    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$;
    CREATE TRIGGER audit_like_guard BEFORE UPDATE OR DELETE ON audit_like FOR EACH ROW EXECUTE FUNCTION refuse();
    CREATE TRIGGER settings_guard BEFORE DELETE ON municipal_settings FOR EACH ROW EXECUTE FUNCTION refuse();
    CREATE FUNCTION audit_org() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO audit_like (what) VALUES ('organization ' || NEW.name); RETURN NEW; END $$;
    CREATE TRIGGER audit_org AFTER INSERT ON organization FOR EACH ROW EXECUTE FUNCTION audit_org();
    CREATE TRIGGER never BEFORE INSERT ON area FOR EACH ROW EXECUTE FUNCTION refuse();
    ALTER TABLE area DISABLE TRIGGER never;
    CREATE TABLE tree_node (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parent_id uuid REFERENCES tree_node (id), depth int NOT NULL);`;

  it("restores through an append-only audit table and insert triggers without firing them, and puts them back", async () => {
    const audited = await createTestApp();
    try {
      await audited.db.query(AUDIT_DDL);
      for (let i = 0; i < 4; i++) await audited.factories.organization();
      await audited.factories.area();
      await audited.db.query(`DO $$ DECLARE ids uuid[] := '{}'; p uuid; n uuid; BEGIN
        FOR i IN 1..2500 LOOP
          p := CASE WHEN i = 1 THEN NULL ELSE ids[1 + floor(random() * array_length(ids, 1))::int] END;
          INSERT INTO tree_node (parent_id, depth) VALUES (p, 0) RETURNING id INTO n;
          ids := ids || n;
        END LOOP; END $$`);
      // The file holds rows in primary-key order: some child comes a whole batch before its parent.
      const [{ n: early }] = await query(
        audited.databaseUrl,
        `WITH o AS (SELECT id, parent_id, row_number() OVER (ORDER BY id) AS rn FROM tree_node)
        SELECT count(*)::int AS n FROM o c JOIN o p ON p.id = c.parent_id WHERE c.rn <= 1000 AND p.rn > 1000`,
      );
      expect(early).toBeGreaterThan(0);
      const dump = await writeBackup({ databaseUrl: audited.databaseUrl, out: path.join(dir, "audited.jsonl.gz") });

      const target = await newDatabase("migrated");
      await query(target.url, AUDIT_DDL);
      await restoreBackup({ databaseUrl: target.url, file: dump.file });
      for (const table of ["audit_like", "organization", "tree_node", "area", "municipal_settings"]) {
        expect(await fingerprint(target.url, table), table).toEqual(await fingerprint(audited.databaseUrl, table));
      }
      const state = await query(
        target.url,
        `SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`,
      );
      // tsunagu's own audit_event guards and hash chain (migrations Audit, AbuseLimits, AuditChainAndPublicContact)
      // come back enabled too.
      expect(state).toEqual([
        { tgname: "audit_chain_gap_append_only", tgenabled: "O" },
        { tgname: "audit_event_chain", tgenabled: "O" },
        { tgname: "audit_event_no_truncate", tgenabled: "O" },
        { tgname: "audit_event_no_update", tgenabled: "O" },
        { tgname: "audit_event_retention_only", tgenabled: "O" },
        { tgname: "audit_event_summary_only", tgenabled: "O" },
        { tgname: "audit_like_guard", tgenabled: "O" },
        { tgname: "audit_org", tgenabled: "O" },
        { tgname: "never", tgenabled: "D" },
        { tgname: "settings_guard", tgenabled: "O" },
      ]);
      expect(
        (
          await query(target.url, "SELECT condeferrable FROM pg_constraint WHERE conname = 'tree_node_parent_id_fkey'")
        )[0].condeferrable,
      ).toBe(false);
      // The triggers work again, and the audit sequence goes on after the restored rows.
      const [{ max }] = await query(target.url, "SELECT max(id)::int AS max FROM audit_like");
      await query(
        target.url,
        "INSERT INTO organization (name, name_kana, org_type, city_relationship) VALUES ('新', 'シン', 'NPO', 'INDEPENDENT')",
      );
      expect(
        (await query(target.url, "SELECT id::int AS id FROM audit_like WHERE what = 'organization 新'"))[0].id,
      ).toBeGreaterThan(max);
      await expect(query(target.url, "DELETE FROM audit_like")).rejects.toThrow(/append-only/);
    } finally {
      await audited.close();
    }
  });
});
