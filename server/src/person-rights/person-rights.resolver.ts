import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Audited, inputFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";
import { RequireRole } from "../core/access.js";
import { CASEWORKERS } from "../core/roles.js";
import { LocalDate } from "../core/local-date.scalar.js";
import type { Context } from "../context.js";
import { Person } from "../people/person.entity.js";
import { PersonPayload } from "../people/person.inputs.js";
import { PersonCorrection, PersonErasure } from "./person-rights.entity.js";
import {
  CorrectPersonInput,
  ErasePersonInput,
  ErasePersonPayload,
  ResumePersonUseInput,
  StopPersonUseInput,
} from "./person-rights.inputs.js";
import { retentionEndsOn } from "./person-rights.policy.js";
import { personRightsLoaders } from "./person-rights.loaders.js";

/** 本人の権利 (訂正・利用停止・消去) on the person; the 開示 is GET /export/person/:id/disclosure.json. */
@Resolver(() => Person)
export class PersonRightsResolver {
  @RequireRole(...CASEWORKERS)
  @Mutation(() => PersonPayload, { description: "本人情報の訂正 (理由は必須; 訂正前・訂正後を履歴に残す)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Person",
    record: ({ args: [input] }) => ({ recordId: input.id, personId: input.id }),
    detail: ({ args: [input] }) => ({ fields: inputFields(input).filter((f) => f !== "reason"), correction: true }),
  })
  async correctPerson(
    @Arg("input", () => CorrectPersonInput) input: CorrectPersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    return { person: await ctx.services.personRights.correct(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => PersonPayload, {
    description: "利用停止 (受け入れ先に見せず、提案・紹介もしない。記録は残り、再開できる)",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Person",
    record: ({ args: [input] }) => ({ recordId: input.personId, personId: input.personId }),
    detail: () => ({ fields: ["stoppedOn", "stopReason"], stopped: true }),
  })
  async stopPersonUse(
    @Arg("input", () => StopPersonUseInput) input: StopPersonUseInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    return { person: await ctx.services.personRights.stop(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => PersonPayload, { description: "利用停止の解除 (再開)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Person",
    record: ({ args: [input] }) => ({ recordId: input.personId, personId: input.personId }),
    detail: () => ({ fields: ["stoppedOn", "stopReason"], stopped: false }),
  })
  async resumePersonUse(
    @Arg("input", () => ResumePersonUseInput) input: ResumePersonUseInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    return { person: await ctx.services.personRights.resume(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ErasePersonPayload, {
    description: "個人情報の消去 (利用停止中で保存期間を過ぎた本人だけ; 件数だけの記録が残る)",
  })
  @Audited({
    action: AuditAction.ERASE,
    entityType: "Person",
    record: ({ args: [input] }) => ({ recordId: input.personId, personId: input.personId }),
    detail: ({ result }) => ({ cause: result.erasure.cause, counts: result.erasure.counts }),
  })
  async erasePerson(
    @Arg("input", () => ErasePersonInput) input: ErasePersonInput,
    @Ctx() ctx: Context,
  ): Promise<ErasePersonPayload> {
    return ctx.services.personRights.erase(ctx.viewer, input);
  }

  @FieldResolver(() => [PersonCorrection], { description: "訂正の履歴 (新しい順)" })
  corrections(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.of(personRightsLoaders).corrections.load(person.id);
  }

  @FieldResolver(() => PersonErasure, { nullable: true, description: "消去の記録 (消去済みのときだけ)" })
  erasure(@Root() person: Person, @Ctx() ctx: Context) {
    return person.erasedAt ? ctx.loaders.of(personRightsLoaders).erasure.load(person.id) : null;
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: "保存期間の終わる日 (終結していないマッチングがあれば空; この日から消去できる)",
  })
  async retentionEndsOn(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (person.erasedAt) return null;
    const facts = await ctx.loaders.of(personRightsLoaders).erasureFacts.load(person.id);
    if (!facts || facts.hasOpenMatch) return null;
    const settings = await ctx.services.settings.get();
    return retentionEndsOn(facts.lastActivityOn, settings.personRetentionYears);
  }
}
