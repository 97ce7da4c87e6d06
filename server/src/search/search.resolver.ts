import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { ADMINS } from "../core/roles.js";
import { Public, RequireRole } from "../core/access.js";
import { SearchPageArgs } from "../core/pagination.js";
import { organizationLoaders } from "../organizations/organization.loaders.js";
import type { Context } from "../context.js";
import { SearchResourcesInput } from "./search.inputs.js";
import { ResourceSearchResult, SearchStatus } from "./search.types.js";

@Resolver()
export class SearchResolver {
  @Public()
  @Query(() => ResourceSearchResult, {
    description: "資源をさがす: ことば・絞り込み・距離・日程で検索し、件数つきの絞り込み候補を返す",
  })
  async searchResources(
    @Arg("input", () => SearchResourcesInput, { defaultValue: new SearchResourcesInput() }) input: SearchResourcesInput,
    @Args(() => SearchPageArgs) page: SearchPageArgs,
    @Ctx() ctx: Context,
  ): Promise<ResourceSearchResult> {
    const result = await ctx.services.search.search(input, page.first, page.after);
    // 探されたが見つからなかったもの (資源の不足): the first page of a search that found little, without the searcher.
    if (!page.after)
      await ctx.services.searchMisses
        .noteSearch(ctx.viewer, input, result.totalCount)
        .catch((err: unknown) => ctx.logger.error({ err }, "search miss not recorded"));
    // The hits come with their organization (one join): Resource.organization then asks no query of its own.
    const organizations = ctx.loaders.of(organizationLoaders).organization;
    for (const { node } of result.edges)
      if (node.organization) organizations.prime(node.organizationId, node.organization);
    return result;
  }

  @RequireRole(...ADMINS)
  @Query(() => SearchStatus, { description: "検索インデックスへの反映状況" })
  searchStatus(@Ctx() ctx: Context): Promise<SearchStatus> {
    return ctx.services.search.syncStatus();
  }
}
