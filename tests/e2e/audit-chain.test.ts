/**
 * 改ざんの確認 in the browser: an administrator checks the audit log's hash chain from the audit log page and is told
 * it is intact; one row is then changed directly in PostgreSQL, behind the app's back, and the next check names it.
 *
 * The changed row is left as it is: no other browser test reads the chain, and new rows still extend it (the
 * database's insert trigger works from the chain's head, not from the changed row).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { AUDIT_CHAIN_BREAK_LABELS, formatDateTime } from "../../web/src/messages";
import { checkA11y } from "./support/a11y";
import { useBrowser, visit } from "./support/browser";
import { withServerDatabase } from "./support/database";
import { journeySteps } from "./support/journey";

const ADMIN = "admin@example.jp";

const { newSession } = useBrowser();
const step = journeySteps();

let admin: Page;
let target: { id: string; chain_seq: string; occurred_at: Date };

const chainSection = () => admin.getByRole("region", { name: "記録の改ざんの確認" });

beforeAll(async () => {
  admin = (await newSession({ as: ADMIN, forFile: true })).page;
});

describe("改ざんの確認", () => {
  step("an administrator checks the chain on the audit log page and is told it is intact", async () => {
    const [{ n: rowsBefore }] = await withServerDatabase(
      async (db) => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event")).rows,
    );
    // The demo city's seeding and the earlier browser tests have left rows to check.
    expect(rowsBefore).toBeGreaterThan(0);
    await visit(admin, "/admin/audit", "監査ログ");
    const section = chainSection();
    await section.getByRole("button", { name: "改ざんの確認" }).click();
    const intact = section.getByText(/^記録は改ざんされていません（[\d,]+件を確認）$/);
    await intact.waitFor();
    const checked = Number((await intact.innerText()).replace(/[^\d]/g, ""));
    expect(checked).toBeGreaterThanOrEqual(rowsBefore);
    expect(await section.getByText("改ざんの可能性があります").count()).toBe(0);
    await checkA11y(admin, "audit-chain-intact");
  });

  step("after one row is changed directly in PostgreSQL, the check names that row, its time and why", async () => {
    target = await withServerDatabase(async (db) => {
      const [row] = (
        await db.query<{ id: string; chain_seq: string; occurred_at: Date }>(
          `SELECT id::text, chain_seq::text, occurred_at FROM audit_event ORDER BY chain_seq
           OFFSET (SELECT count(*) / 2 FROM audit_event) LIMIT 1`,
        )
      ).rows;
      // As someone with direct access to PostgreSQL could: the table's append-only guards off, one field rewritten.
      await db.query("BEGIN");
      await db.query("ALTER TABLE audit_event DISABLE TRIGGER USER");
      await db.query("UPDATE audit_event SET operation = 'nothingHappened' WHERE id = $1", [row.id]);
      await db.query("ALTER TABLE audit_event ENABLE TRIGGER USER");
      await db.query("COMMIT");
      return row;
    });

    const section = chainSection();
    await section.getByRole("button", { name: "改ざんの確認" }).click();
    await section.getByText("改ざんの可能性があります").waitFor();
    const facts = await section
      .locator("dl")
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? ""]),
        ),
      );
    expect(facts).toEqual({
      日時: formatDateTime(target.occurred_at),
      監査ログの記録ID: target.id,
      "連番 (書き込まれた順)": target.chain_seq,
      理由: AUDIT_CHAIN_BREAK_LABELS.CONTENT_CHANGED,
    });
    expect(await section.getByText(/記録は改ざんされていません/).count()).toBe(0);
    await checkA11y(admin, "audit-chain-broken");
  });
});
