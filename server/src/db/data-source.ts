import "reflect-metadata";
import { DataSource } from "typeorm";
import { ENTITIES } from "./entities.js";
import { MIGRATIONS } from "./migrations/index.js";
import { SnakeNamingStrategy } from "./naming-strategy.js";

export function createDataSource(
  url: string,
  options: { poolSize?: number; applicationName?: string } = {},
): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: "migrations",
    // Migrations only, everywhere (tests included): the schema a test sees is the one production gets.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install on a managed server.
    uuidExtension: "pgcrypto",
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? "tsunagu" },
  });
}
