import type { MigrationInterface } from "typeorm";
import { Init1795337683113 } from "./1795337683113-Init.js";

/** Applied in this order. Never edit a migration after it has landed on main: add a new one. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795337683113,
];
