import { readFileSync } from "node:fs";
import path from "node:path";
import type { Access } from "../core/access.js";

/** The five kinds of caller, in the table's column order. */
export const ROLES = ["ADMIN", "COORDINATOR", "HOST", "VIEWER", "ANONYMOUS"] as const;
export type Role = (typeof ROLES)[number];
const COLUMN_OF: Record<string, Role> = {
  ADMIN: "ADMIN",
  COORDINATOR: "COORDINATOR",
  HOST: "HOST",
  VIEWER: "VIEWER",
  未ログイン: "ANONYMOUS",
};

export const DENIAL_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"] as const;
export type DenialCode = (typeof DENIAL_CODES)[number];

/**
 * The conditions an allowed cell may carry, and what "outside" means for each. `outside` is the error code for a
 * single record outside the caller's scope; in a list, such records simply do not appear.
 */
export const SCOPES = {
  自団体: { outside: "FORBIDDEN" },
  自団体宛て: { outside: "NOT_FOUND" },
  見える本人: { outside: "NOT_FOUND" },
  自分: { outside: null },
} as const satisfies Record<string, { outside: DenialCode | null }>;
export type Scope = keyof typeof SCOPES;
/** Not a scope but a redaction: the answer holds only the consented facts. */
export const CONSENT_REDACTION = "同意の範囲";

export type Cell =
  | { allowed: true; scopes: Scope[]; redacted: boolean; text: string }
  | { allowed: false; code: DenialCode; text: string };

export interface MatrixRow {
  field: string;
  kind: "query" | "mutation";
  section: string;
  cells: Record<Role, Cell>;
  note: string;
  line: number;
}

export const MATRIX_FILE = path.resolve(__dirname, "../../../docs/security/access-matrix.md");

/** A cell, or the reason it is not one of the legend's forms. */
export function parseCell(text: string): Cell | { problem: string } {
  const t = text.trim();
  if ((DENIAL_CODES as readonly string[]).includes(t)) return { allowed: false, code: t as DenialCode, text: t };
  const m = /^○(?:\((.+)\))?$/.exec(t);
  if (!m) return { problem: `unknown cell "${t}" (see the legend at the top of access-matrix.md)` };
  const parts = m[1] ? m[1].split("・") : [];
  const scopes: Scope[] = [];
  let redacted = false;
  for (const p of parts) {
    if (p === CONSENT_REDACTION) redacted = true;
    else if (p in SCOPES) scopes.push(p as Scope);
    else return { problem: `unknown condition "${p}" in cell "${t}"` };
  }
  return { allowed: true, scopes, redacted, text: t };
}

export interface Matrix {
  rows: MatrixRow[];
  /** Lines that are not a well-formed row; the structure test fails on any. */
  problems: string[];
}

/** Reads every table under a `## ` heading whose header starts with `| 操作 | 種類 |`. */
export function parseMatrix(markdown: string): Matrix {
  const rows: MatrixRow[] = [];
  const problems: string[] = [];
  let section = "";
  let header: string[] | null = null;
  const lines = markdown.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line.startsWith("## ")) {
      section = line.slice(3).trim();
      header = null;
      continue;
    }
    if (!line.startsWith("|")) {
      header = null;
      continue;
    }
    const cols = line
      .slice(1, line.endsWith("|") ? -1 : undefined)
      .split("|")
      .map((c) => c.trim());
    if (!header) {
      if (cols[0] === "操作" && cols[1] === "種類") header = cols;
      continue;
    }
    if (cols.every((c) => /^:?-+:?$/.test(c))) continue;
    const at = `access-matrix.md:${i + 1}`;
    if (cols.length !== header.length) {
      problems.push(`${at}: ${cols.length} columns, the header has ${header.length}`);
      continue;
    }
    const kind = cols[1];
    if (kind !== "query" && kind !== "mutation") {
      problems.push(`${at}: kind must be query or mutation, not "${kind}"`);
      continue;
    }
    const cells = {} as Record<Role, Cell>;
    for (const [c, name] of header.entries()) {
      const role = COLUMN_OF[name];
      if (!role) continue;
      const cell = parseCell(cols[c]);
      if ("problem" in cell) problems.push(`${at}: ${cell.problem}`);
      else cells[role] = cell;
    }
    const missing = ROLES.filter((r) => !cells[r]);
    if (missing.length) {
      problems.push(`${at}: no valid cell for ${missing.join(", ")}`);
      continue;
    }
    rows.push({
      field: cols[0].replace(/`/g, ""),
      kind,
      section,
      cells,
      note: cols[header.indexOf("備考")] ?? "",
      line: i + 1,
    });
  }
  return { rows, problems };
}

export const loadMatrix = (file = MATRIX_FILE): Matrix => parseMatrix(readFileSync(file, "utf8"));

/** What the field's access declaration (core/access.ts) lets through before any policy runs. */
export function declarationAdmits(access: Access, role: Role): boolean {
  if (access === "public") return true;
  if (role === "ANONYMOUS") return false;
  return access === "signed-in" || (access as string[]).includes(role);
}

/**
 * Disagreements between a row and the field's declaration: an allowed cell the declaration refuses, a refused
 * anonymous cell that is not UNAUTHENTICATED, a role the declaration refuses that is not FORBIDDEN.
 */
export function disagreements(row: MatrixRow, access: Access): string[] {
  const out: string[] = [];
  for (const role of ROLES) {
    const cell = row.cells[role];
    const admitted = declarationAdmits(access, role);
    if (cell.allowed && !admitted)
      out.push(
        `${row.field} × ${role}: the table says ${cell.text}, the declaration ${JSON.stringify(access)} refuses`,
      );
    if (!admitted && !cell.allowed) {
      const expected = role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN";
      if (cell.code !== expected)
        out.push(
          `${row.field} × ${role}: the declaration ${JSON.stringify(access)} answers ${expected}, the table says ${cell.code}`,
        );
    }
  }
  return out;
}
