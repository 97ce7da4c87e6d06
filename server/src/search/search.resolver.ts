import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { ADMINS } from "../core/roles.js";
import { Public, RequireRole } from "../core/access.js";
import { PageArgs } from "../core/pagination.js";
import type { Context } from "../context.js";
import { SearchResourcesInput } from "./search.inputs.js";
import { ResourceSearchResult, SearchStatus } from "./search.types.js";

@Resolver()
export class SearchResolver {
  @Public()
  @Query(() => ResourceSearchResult, {
    description: "資源をさがす: ことば・絞り込み・距離・日程で検索し、件数つきの絞り込み候補を返す",
  })
  searchResources(
    @Arg("input", () => SearchResourcesInput, { defaultValue: new SearchResourcesInput() }) input: SearchResourcesInput,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ResourceSearchResult> {
    return ctx.services.search.search(input, page.first, page.after);
  }

  @RequireRole(...ADMINS)
  @Query(() => SearchStatus, { description: "検索インデックスへの反映状況" })
  searchStatus(@Ctx() ctx: Context): Promise<SearchStatus> {
    return ctx.services.search.syncStatus();
  }
}
