import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const BLOCKING = new Set(["serious", "critical"]);

export interface A11ySummary {
  page: string;
  blocking: number;
  /** Moderate and minor findings: reported, not failing. */
  other: number;
}

/**
 * axe-core over the whole page (all rules axe runs by default: WCAG 2.x A/AA and best practices). Fails on any
 * serious or critical violation with one readable line per rule and the elements it found.
 */
export async function checkA11y(page: Page, name: string): Promise<A11ySummary> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  const other = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ""));
  const summary = { page: name, blocking: blocking.length, other: other.length };
  console.log(
    `axe ${name}: ${blocking.length} serious/critical, ${other.length} moderate/minor` +
      (other.length ? ` (${other.map((v) => `${v.id}/${v.impact}`).join(", ")})` : ""),
  );
  if (blocking.length) {
    const lines = blocking.map((v) => {
      const where = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`);
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${where.join("\n")}`;
    });
    throw new Error(
      `axe found ${blocking.length} serious/critical violation(s) on ${name} (${page.url()}):\n${lines.join("\n")}`,
    );
  }
  return summary;
}
