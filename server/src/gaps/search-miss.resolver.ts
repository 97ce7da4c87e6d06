import { Ctx, Query, Resolver } from "type-graphql";
import { RequireRole } from "../core/access.js";
import { STAFF } from "../core/roles.js";
import type { Context } from "../context.js";
import { SearchMissSummary } from "./search-miss.types.js";

@Resolver()
export class SearchMissResolver {
  @RequireRole(...STAFF)
  @Query(() => [SearchMissSummary], {
    description: "探されたが見つからなかったもの (ほとんど見つからなかった検索をことばと絞り込みでまとめたもの)",
  })
  searchMisses(@Ctx() ctx: Context): Promise<SearchMissSummary[]> {
    return ctx.services.searchMisses.summaries(ctx.viewer);
  }
}
