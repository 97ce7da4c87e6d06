import type { ImportResult } from "./import-engine.js";
import type { ImportPlan } from "./import-plan.js";

/** The preview in a few lines, for the CLI (the web page shows the same counts). */
export function describePlan(plan: ImportPlan): string {
  const c = plan.counts;
  return [
    `形式 ${plan.file.layout} (${plan.file.encoding}${plan.file.sheet ? `, シート ${plan.file.sheet}` : ""}), ${c.total} 行`,
    `  新規 ${c.create} / 更新 ${c.update} / 変更なし ${c.unchanged} / つなぐで編集済み ${c.conflict} / 取り込めない行 ${c.rejected} / 重複 ${c.duplicate}`,
    `  修正 ${c.repairs} / 要確認 ${c.needsReview} / ファイルから消えた資源 ${c.disappeared}`,
    ...(plan.archivedHosts ?? []).map(
      (h) => `  廃止された団体「${h.name}」: ${h.rows} 行は同じ名前の新しい団体に登録します`,
    ),
  ].join("\n");
}

export function describeResult(r: ImportResult, seconds: number): string {
  return (
    `取り込み完了 (${seconds.toFixed(1)} 秒): 新規 ${r.created} / 更新 ${r.updated} / 変更なし ${r.unchanged} / ` +
    `上書き ${r.overwritten} / 編集を残した ${r.conflictsKept} / 終了にした ${r.archived}` +
    r.changedSincePreview.map((l) => `\n  ${l.rowNumber} 行目 ${l.after}: ${l.reason}`).join("")
  );
}
