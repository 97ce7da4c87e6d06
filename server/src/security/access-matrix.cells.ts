import { GraphQLList, GraphQLNonNull, type GraphQLField, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../schema.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { ROLES, SCOPES, loadMatrix, type Cell, type MatrixRow, type Role } from "./access-matrix.js";
import { CALLS, makeWorld, type World } from "./access-matrix.calls.js";
import { RowCounter, diffCounts } from "./row-counts.js";

/** Which test file runs which sections of the table (the structure test checks every section is run once). */
export const MATRIX_RUNS = {
  catalog: ["目録 (地域・団体・資源・検索)", "設定・集計・ログイン"],
  casework: ["本人・同意・支援プラン", "マッチング・紹介・フォローアップ・資源の不足"],
  records: ["実施状況の記録"],
} as const;

/** A list or a connection: out-of-scope records are left out of it rather than refused. */
export function returnsList(field: GraphQLField<unknown, unknown>): boolean {
  const type = field.type instanceof GraphQLNonNull ? field.type.ofType : field.type;
  return type instanceof GraphQLList || /Connection$/.test(String(type));
}

function rootField(schema: GraphQLSchema, row: MatrixRow) {
  const root = row.kind === "query" ? schema.getQueryType() : schema.getMutationType();
  return root?.getFields()[row.field];
}

/**
 * One test per cell of the given sections: the call as that role, on fresh data, answers as the cell says; a refusal
 * writes nothing; a condition (自団体, 見える本人 …) is also tried from outside, where it must refuse or leave out.
 */
export function runMatrixCells(sections: readonly string[]): void {
  const rows = loadMatrix().rows.filter((r) => sections.includes(r.section));
  let t: TestApp;
  let w: World;
  let schema: GraphQLSchema;
  let counter: RowCounter;

  beforeAll(async () => {
    t = await createTestApp();
    w = await makeWorld(t);
    await t.indexNow();
    schema = await getSchema();
    counter = new RowCounter(t.db);
  });
  afterAll(() => t?.close());

  /** A new session per call: a cell that logs out does not sign out the next one. */
  const as = (role: Role): Promise<Gql> =>
    role === "ANONYMOUS" ? Promise.resolve(t.anonymous) : t.asViewer(w.users[role]);

  async function expectRefusal(role: Role, row: MatrixRow, vars: Record<string, unknown> | undefined, code: string) {
    // An allowed importResources goes on in the background after it answers; let it finish before counting rows,
    // or its rows land in the middle of this refusal (a CI run saw exactly that: +1 organization, resource …).
    await t.app.services.catalogImports.idle();
    const before = await counter.counts();
    const res = await (await as(role))(CALLS[row.field].query, vars);
    expect(codesOf(res), JSON.stringify(res.errors)).toEqual([code]);
    expect(res.data?.[row.field] ?? null).toBeNull();
    expect(diffCounts(before, await counter.counts()), "a refused call writes nothing").toEqual([]);
  }

  async function runCell(row: MatrixRow, role: Role, cell: Cell) {
    const fixture = CALLS[row.field];
    expect(fixture, `no call fixture for ${row.field} in access-matrix.calls.ts`).toBeDefined();
    const call = await fixture.call(w, role);
    if (!cell.allowed) return expectRefusal(role, row, call.vars, cell.code);

    const res = await (await as(role))(fixture.query, call.vars);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data).toHaveProperty(row.field);
    if (cell.redacted) expect(call.check, `${row.field}: 同意の範囲 needs a check of the redaction`).toBeDefined();
    call.check?.(res.data!);

    for (const scope of cell.scopes) {
      const outside = fixture.outOfScope?.[scope];
      expect(outside, `${row.field}: no outOfScope.${scope} call in access-matrix.calls.ts`).toBeDefined();
      const out = await outside!(w, role);
      if (returnsList(rootField(schema, row)!)) {
        expect(
          out.hiddenId,
          `${row.field}: outOfScope.${scope} must name the record that must not be listed`,
        ).toBeTruthy();
        const listed = await (await as(role))(fixture.query, out.vars);
        expect(listed.errors, JSON.stringify(listed.errors)).toBeUndefined();
        expect(JSON.stringify(listed.data), `${scope}: a record outside the scope is listed`).not.toContain(
          out.hiddenId,
        );
      } else {
        const code = SCOPES[scope].outside;
        expect(code, `${row.field}: ${scope} is only meaningful for lists`).not.toBeNull();
        await expectRefusal(role, row, out.vars, code!);
      }
    }
  }

  for (const row of rows) {
    describe(`${row.field} (${row.kind})`, () => {
      for (const role of ROLES) {
        it(`${role}: ${row.cells[role].text}`, () => runCell(row, role, row.cells[role]));
      }
    });
  }
}
