import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { CASEWORKERS } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import type { Context } from "../context.js";
import { conflict } from "../core/errors.js";
import { personRightsPolicy } from "../person-rights/person-rights.policy.js";
import { SuggestionResult } from "./suggestion.types.js";

@Resolver()
export class SuggestionResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => SuggestionResult, {
    description: "本人に合いそうな資源を適合度順に提案し、外した資源とその理由も返す (件数は1〜50)",
  })
  async suggestResources(
    @Arg("personId", () => ID) personId: string,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SuggestionResult> {
    const person = await ctx.services.people.getVisible(ctx.viewer, personId);
    const stopped = personRightsPolicy.whyNotRefer(person);
    if (stopped) throw conflict(stopped);
    return ctx.services.suggestions.suggest(person, first);
  }
}
