/**
 * Developer tool: `npm run db:generate-migration -- AddSomething`
 * Starts a throw-away embedded PostgreSQL, applies the existing migrations, diffs the entities against it and writes
 * the difference as a new migration file (then lists it in migrations/index.ts). Review the SQL before committing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDataSource } from "../db/data-source.js";
import { createLogger } from "../core/logger.js";
import { ensureDatabase, startEmbeddedPostgres } from "../runtime/embedded-postgres.js";

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error("usage: generate-migration PascalCaseName");
  const logger = createLogger("warn");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-mig-"));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(dir, 54000 + Math.floor(Math.random() * 900), logger);
  try {
    await ensureDatabase(pg.serverUrl, "gen");
    const ds = createDataSource(pg.databaseUrl("gen"));
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (!sql.upQueries.length) {
      console.log("No changes: entities match the migrations.");
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (s: string) => "`" + s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") + "`";
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join("\n");
    const down = sql.downQueries
      .slice()
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join("\n");
    const srcDir = path.resolve(__dirname, "../../src/db/migrations");
    const file = path.join(srcDir, `${stamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
    );
    const indexFile = path.join(srcDir, "index.ts");
    let index = readFileSync(indexFile, "utf8");
    index = index.replace(
      /(import type \{ MigrationInterface \} from "typeorm";\n)/,
      `$1import { ${className} } from "./${stamp}-${name}.js";\n`,
    );
    index = index.replace(/\[([^\]]*)\];/, (_m, list: string) => {
      const items = list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .concat(className);
      return `[\n  ${items.join(",\n  ")},\n];`;
    });
    writeFileSync(indexFile, index);
    console.log(`Wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements)`);
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
