import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Area } from "../areas/index.js";
import { User } from "../auth/index.js";
import { areaLoaders } from "../areas/area.loaders.js";
import { userLoaders } from "../auth/user.loaders.js";
import { CASEWORKERS } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import { today } from "@tsunagu/calendar";
import { ConnectionType } from "../core/pagination.js";
import type { Context } from "../context.js";
import { Organization } from "../organizations/index.js";
import { organizationLoaders } from "../organizations/organization.loaders.js";
import { Consent } from "./consent.entity.js";
import { ConsentState } from "./consent.enums.js";
import { ConsentPayload, RecordConsentInput, WithdrawConsentInput } from "./consent.inputs.js";
import { consentState } from "./consent.policy.js";
import { Person } from "./person.entity.js";
import { personLoaders } from "./person.loaders.js";
import { PersonTrack } from "./person.enums.js";
import { personPolicy } from "./person.policy.js";
import { CreatePersonInput, PersonPayload, UpdatePersonInput } from "./person.inputs.js";
import { PersonListArgs } from "./person.list-args.js";
import { SupportPlan } from "./support-plan.entity.js";
import { CreateSupportPlanInput, SupportPlanPayload, UpdateSupportPlanInput } from "./support-plan.inputs.js";
import { Audited, changedFields, inputFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

const PersonConnection = ConnectionType(Person, "Person");

@ObjectType({ description: "ログイン中の利用者がこの本人に対してできること" })
class PersonPermissions {
  @Field(() => Boolean)
  update: boolean;
}

@Resolver(() => Person)
export class PersonResolver {
  @RequireRole(...CASEWORKERS)
  @Query(() => Person, { description: "本人 (見る権限がなければ NOT_FOUND)" })
  person(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Person> {
    return ctx.services.people.getVisible(ctx.viewer, id);
  }

  @RequireRole(...CASEWORKERS)
  @Query(() => PersonConnection, { description: "本人一覧 (見る権限のある人だけ, よみがな順)" })
  persons(@Args(() => PersonListArgs) args: PersonListArgs, @Ctx() ctx: Context) {
    return ctx.services.people.list(ctx.viewer, args);
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => PersonPayload, { description: "本人の登録 (本人同意か支援会議のどちらかが必要)" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "Person",
    record: ({ result }) => ({ recordId: result.person.id, personId: result.person.id }),
    detail: ({ args: [input] }) => ({
      fields: inputFields(input).filter((f) => f !== "consent"),
      withConsent: input.consent != null,
      supportMeetingGroupId: input.supportMeetingGroupId ?? null,
    }),
  })
  async createPerson(
    @Arg("input", () => CreatePersonInput) input: CreatePersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    return { person: await ctx.services.people.create(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => PersonPayload)
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Person",
    record: ({ args: [input] }) => ({ recordId: input.id, personId: input.id }),
    detail: changedFields,
  })
  async updatePerson(
    @Arg("input", () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    return { person: await ctx.services.people.update(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ConsentPayload, { description: "本人同意を記録 (支援会議の本人は同意ありに移る)" })
  @Audited({
    action: AuditAction.CREATE,
    entityType: "Consent",
    record: ({ result }) => ({ recordId: result.consent.id, personId: result.consent.personId }),
    detail: ({ result }) => ({
      purpose: result.consent.purpose,
      organizationId: result.consent.organizationId,
      facts: result.consent.facts,
    }),
  })
  async recordConsent(
    @Arg("input", () => RecordConsentInput) input: RecordConsentInput,
    @Ctx() ctx: Context,
  ): Promise<ConsentPayload> {
    return { consent: await ctx.services.people.recordConsent(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => ConsentPayload, { description: "同意の撤回 (受け入れ先からはすぐに見えなくなる)" })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Consent",
    record: ({ result }) => ({ recordId: result.consent.id, personId: result.consent.personId }),
    detail: () => ({ withdrawn: true }),
  })
  async withdrawConsent(
    @Arg("input", () => WithdrawConsentInput) input: WithdrawConsentInput,
    @Ctx() ctx: Context,
  ): Promise<ConsentPayload> {
    return { consent: await ctx.services.people.withdrawConsent(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => SupportPlanPayload)
  @Audited({
    action: AuditAction.CREATE,
    entityType: "SupportPlan",
    record: ({ result }) => ({ recordId: result.supportPlan.id, personId: result.supportPlan.personId }),
  })
  async createSupportPlan(
    @Arg("input", () => CreateSupportPlanInput) input: CreateSupportPlanInput,
    @Ctx() ctx: Context,
  ): Promise<SupportPlanPayload> {
    return { supportPlan: await ctx.services.supportPlans.create(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => SupportPlanPayload)
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "SupportPlan",
    record: ({ result }) => ({ recordId: result.supportPlan.id, personId: result.supportPlan.personId }),
    detail: changedFields,
  })
  async updateSupportPlan(
    @Arg("input", () => UpdateSupportPlanInput) input: UpdateSupportPlanInput,
    @Ctx() ctx: Context,
  ): Promise<SupportPlanPayload> {
    return { supportPlan: await ctx.services.supportPlans.update(ctx.viewer, input) };
  }

  @FieldResolver(() => Area, { nullable: true })
  area(@Root() person: Person, @Ctx() ctx: Context) {
    return person.areaId ? ctx.loaders.of(areaLoaders).area.load(person.areaId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "担当コーディネーター" })
  coordinator(@Root() person: Person, @Ctx() ctx: Context) {
    return person.coordinatorId ? ctx.loaders.of(userLoaders).user.load(person.coordinatorId) : null;
  }

  @FieldResolver(() => [Consent], { description: "同意の記録 (新しい順, 撤回・期限切れも含む)" })
  consents(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.of(personLoaders).consents.load(person.id);
  }

  @FieldResolver(() => [SupportPlan], { description: "支援プラン (新しい順)" })
  supportPlans(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.of(personLoaders).supportPlans.load(person.id);
  }

  @FieldResolver(() => PersonPermissions)
  async viewerCan(@Root() person: Person, @Ctx() ctx: Context): Promise<PersonPermissions> {
    const facts = { hasActiveConsent: person.track === PersonTrack.CONSENTED };
    // Membership of the 支援会議 decides only without an active consent: the query is skipped otherwise.
    const member =
      !facts.hasActiveConsent && (await ctx.services.people.isMember(ctx.viewer, person.supportMeetingGroupId));
    return { update: personPolicy.update(ctx.viewer, facts, member) };
  }
}

@ObjectType({ description: "ログイン中の利用者がこの同意の記録に対してできること" })
class ConsentPermissions {
  @Field(() => Boolean, { description: "撤回 (撤回済みなら false)" })
  withdraw: boolean;
}

@ObjectType({ description: "ログイン中の利用者がこの支援プランに対してできること" })
class SupportPlanPermissions {
  @Field(() => Boolean)
  update: boolean;
}

@Resolver(() => SupportPlan)
export class SupportPlanResolver {
  @FieldResolver(() => SupportPlanPermissions)
  viewerCan(@Ctx() ctx: Context): SupportPlanPermissions {
    return { update: personPolicy.updatePlan(ctx.viewer) };
  }
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => ConsentPermissions)
  viewerCan(@Root() consent: Consent, @Ctx() ctx: Context): ConsentPermissions {
    return { withdraw: personPolicy.withdrawConsent(ctx.viewer, consent) };
  }

  @FieldResolver(() => ConsentState, { description: "今の状態 (有効 / 期限切れ / 撤回)" })
  state(@Root() consent: Consent): ConsentState {
    return consentState(consent, today());
  }

  @FieldResolver(() => Organization, { nullable: true, description: "紹介先の団体 (空ならどの受け入れ先にも)" })
  organization(@Root() consent: Consent, @Ctx() ctx: Context) {
    return consent.organizationId
      ? ctx.loaders.of(organizationLoaders).organization.load(consent.organizationId)
      : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "記録した人" })
  recordedBy(@Root() consent: Consent, @Ctx() ctx: Context) {
    return ctx.loaders.of(userLoaders).user.load(consent.recordedById);
  }
}
