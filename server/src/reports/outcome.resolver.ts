import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { STAFF } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import type { Context } from "../context.js";
import { OutcomeSummary } from "./outcome.types.js";

@Resolver()
export class OutcomeResolver {
  // Aggregates only, no person in them: 閲覧者 may read them; 受け入れ先 may not (they are the city's figures).
  @RequireRole(...STAFF)
  @Query(() => OutcomeSummary, { description: "年度の成果指標 (マッチング件数・参加開始数・定着率・変化が見られた人の割合・フォローアップ・同意)" })
  outcomeSummary(
    @Arg("fiscalYear", () => Int, { description: "年度 (2026 = 2026年4月〜2027年3月)。2000〜2100" }) fiscalYear: number,
    @Ctx() ctx: Context,
  ): Promise<OutcomeSummary> {
    return ctx.services.outcomes.summary(fiscalYear);
  }
}
