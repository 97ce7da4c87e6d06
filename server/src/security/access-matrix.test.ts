import { GraphQLObjectType, OperationTypeNode, Kind, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { ACCESS_EXTENSION, type Access } from "../core/access.js";
import { getSchema } from "../schema.js";
import { ROLES, disagreements, loadMatrix, parseMatrix, type MatrixRow } from "./access-matrix.js";
import { CALLS } from "./access-matrix.calls.js";
import { MATRIX_RUNS } from "./access-matrix.cells.js";

let schema: GraphQLSchema;
const { rows, problems } = loadMatrix();

beforeAll(async () => {
  schema = await getSchema();
});

/** Every root field of the live schema as `kind field`. */
function rootFields(): { kind: MatrixRow["kind"] | "subscription"; name: string; access: Access | undefined }[] {
  const out = [];
  for (const [kind, type] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
    ["subscription", schema.getSubscriptionType()],
  ] as const) {
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const f of Object.values(type.getFields()))
      out.push({ kind, name: f.name, access: f.extensions?.[ACCESS_EXTENSION] as Access | undefined });
  }
  return out;
}

describe("access matrix: the table and the schema agree", () => {
  it("parses: every row has a kind and five cells from the legend", () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(40);
  });

  it("has a row for every root field of the live schema, and no row without a field", () => {
    const live = rootFields()
      .map((f) => `${f.kind} ${f.name}`)
      .sort();
    const table = rows.map((r) => `${r.kind} ${r.field}`).sort();
    expect(
      live.filter((f) => !table.includes(f)),
      "root fields without a row in docs/security/access-matrix.md",
    ).toEqual([]);
    expect(
      table.filter((r) => !live.includes(r)),
      "rows naming no root field (or with the wrong kind)",
    ).toEqual([]);
    expect(
      table.filter((r, i) => table.indexOf(r) !== i),
      "duplicate rows",
    ).toEqual([]);
  });

  it("has a call fixture for every row, calling that field with a document the schema accepts", () => {
    expect(
      rows.filter((r) => !CALLS[r.field]).map((r) => r.field),
      "rows without a fixture in access-matrix.calls.ts",
    ).toEqual([]);
    expect(
      Object.keys(CALLS).filter((name) => !rows.some((r) => r.field === name)),
      "fixtures without a row",
    ).toEqual([]);
    for (const row of rows) {
      const doc = parse(CALLS[row.field].query);
      expect(
        validate(schema, doc).map((e) => e.message),
        row.field,
      ).toEqual([]);
      const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(op && op.kind === Kind.OPERATION_DEFINITION && op.operation, row.field).toBe(
        row.kind === "query" ? OperationTypeNode.QUERY : OperationTypeNode.MUTATION,
      );
      const fields =
        op && op.kind === Kind.OPERATION_DEFINITION
          ? op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : ""))
          : [];
      expect(fields, `${row.field}: the fixture must call exactly its field`).toEqual([row.field]);
    }
  });

  it("has an out-of-scope call for every condition a row uses", () => {
    const missing = rows.flatMap((r) =>
      ROLES.flatMap((role) => {
        const cell = r.cells[role];
        return cell.allowed
          ? cell.scopes.filter((s) => !CALLS[r.field]?.outOfScope?.[s]).map((s) => `${r.field}: ${s}`)
          : [];
      }),
    );
    expect(missing).toEqual([]);
  });

  it("agrees with each field's access declaration (@Public / @SignedIn / @RequireRole)", () => {
    const declared = new Map(rootFields().map((f) => [f.name, f.access]));
    const out = rows.flatMap((r) => {
      const access = declared.get(r.field);
      return access === undefined ? [`${r.field}: no access declaration`] : disagreements(r, access);
    });
    expect(out).toEqual([]);
  });

  it("runs every section of the table in exactly one cell-test file", () => {
    const runs: string[] = Object.values(MATRIX_RUNS).flat();
    const sections = [...new Set(rows.map((r) => r.section))];
    expect(sections.filter((s) => runs.filter((x) => x === s).length !== 1)).toEqual([]);
    expect(
      runs.filter((s) => !sections.includes(s)),
      "runs naming no section",
    ).toEqual([]);
  });

  it("reports a malformed table instead of guessing", () => {
    const bad = parseMatrix(
      [
        "## x",
        "| 操作 | 種類 | ADMIN | COORDINATOR | HOST | VIEWER | 未ログイン | 備考 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        "| `a` | query | ○ | ○(なんでも) | ○ | ○ | ○ | |",
        "| `b` | query | ○ | ○ | OK | ○ | ○ | |",
        "| `c` | thing | ○ | ○ | ○ | ○ | ○ | |",
        "| `d` | mutation | ○(自団体・同意の範囲) | ○ | ○ | ○ | FORBIDDEN | |",
      ].join("\n"),
    );
    expect(bad.problems).toEqual([
      'access-matrix.md:4: unknown condition "なんでも" in cell "○(なんでも)"',
      "access-matrix.md:4: no valid cell for COORDINATOR",
      'access-matrix.md:5: unknown cell "OK" (see the legend at the top of access-matrix.md)',
      "access-matrix.md:5: no valid cell for HOST",
      'access-matrix.md:6: kind must be query or mutation, not "thing"',
    ]);
    expect(bad.rows.map((r) => r.field)).toEqual(["d"]);
    expect(bad.rows[0].cells.ADMIN).toMatchObject({ allowed: true, scopes: ["自団体"], redacted: true });
    expect(disagreements(bad.rows[0], [UserRole.ADMIN])).toEqual([
      'd × COORDINATOR: the table says ○, the declaration ["ADMIN"] refuses',
      'd × HOST: the table says ○, the declaration ["ADMIN"] refuses',
      'd × VIEWER: the table says ○, the declaration ["ADMIN"] refuses',
      'd × ANONYMOUS: the declaration ["ADMIN"] answers UNAUTHENTICATED, the table says FORBIDDEN',
    ]);
  });
});
