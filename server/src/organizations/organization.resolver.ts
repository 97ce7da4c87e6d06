import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { Public, RequireRole, SignedIn } from "../core/access.js";
import { CASEWORKERS } from "../core/roles.js";
import { ConnectionType, PageArgs } from "../core/pagination.js";
import type { Context } from "../context.js";
import { notFound } from "../core/errors.js";
import { Organization } from "./organization.entity.js";
import { OrgType } from "./organization.enums.js";
import { CreateOrganizationInput, OrganizationPayload, UpdateOrganizationInput } from "./organization.inputs.js";
import { organizationPolicy } from "./organization.policy.js";
import { Audited, changedFields } from "../audit/audit.decorator.js";
import { AuditAction } from "../audit/audit.enums.js";

const OrganizationConnection = ConnectionType(Organization, "Organization");

@ArgsType()
class OrganizationListArgs extends PageArgs {
  @Field(() => [OrgType], { nullable: true })
  @IsOptional()
  @IsEnum(OrgType, { each: true, message: "種別が正しくありません" })
  orgTypes?: OrgType[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: "検索語は100文字以内にしてください" })
  text?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "廃止した団体も含める" })
  @IsBoolean()
  includeArchived: boolean = false;
}

@InputType()
class SetOrganizationArchivedInput {
  @Field(() => ID)
  @IsUUID("all", { message: "IDが正しくありません" })
  id: string;

  @Field(() => Boolean)
  @IsBoolean()
  archived: boolean;
}

@ObjectType()
class OrganizationPermissions {
  @Field(() => Boolean)
  update: boolean;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Public()
  @Query(() => Organization, { description: "団体 (見つからなければ NOT_FOUND)" })
  async organization(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.services.organizations.get(id)) ?? Promise.reject(notFound("団体"));
  }

  @Public()
  @Query(() => OrganizationConnection, { description: "団体一覧 (よみがな順)" })
  organizations(@Args(() => OrganizationListArgs) args: OrganizationListArgs, @Ctx() ctx: Context) {
    return ctx.services.organizations.list(args, args.first, args.after);
  }

  @SignedIn()
  @Mutation(() => OrganizationPayload)
  @Audited({
    action: AuditAction.CREATE,
    entityType: "Organization",
    record: ({ result }) => ({ recordId: result.organization.id }),
  })
  async createOrganization(
    @Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.create(ctx.viewer, input) };
  }

  @SignedIn()
  @Mutation(() => OrganizationPayload)
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Organization",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: changedFields,
  })
  async updateOrganization(
    @Arg("input", () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.update(ctx.viewer, input) };
  }

  @RequireRole(...CASEWORKERS)
  @Mutation(() => OrganizationPayload, {
    description: "団体を廃止する (または取り消す)。記録が参照する団体は削除しない",
  })
  @Audited({
    action: AuditAction.UPDATE,
    entityType: "Organization",
    record: ({ args: [input] }) => ({ recordId: input.id }),
    detail: ({ args: [input] }) => ({ archived: input.archived }),
  })
  async setOrganizationArchived(
    @Arg("input", () => SetOrganizationArchivedInput) input: SetOrganizationArchivedInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.setArchived(ctx.viewer, input.id, input.archived) };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "職員向けの連絡先: 担当者名 (職員と自団体の受け入れ先だけに見える。ほかの人には空)",
  })
  contactName(@Root() org: Organization, @Ctx() ctx: Context): string | null {
    return organizationPolicy.seeStaffContact(ctx.viewer, org) ? org.contactName : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "職員向けの連絡先: 電話番号 (職員と自団体の受け入れ先だけに見える。ほかの人には空)",
  })
  contactPhone(@Root() org: Organization, @Ctx() ctx: Context): string | null {
    return organizationPolicy.seeStaffContact(ctx.viewer, org) ? org.contactPhone : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "職員向けの連絡先: メールアドレス (職員と自団体の受け入れ先だけに見える。ほかの人には空)",
  })
  contactEmail(@Root() org: Organization, @Ctx() ctx: Context): string | null {
    return organizationPolicy.seeStaffContact(ctx.viewer, org) ? org.contactEmail : null;
  }

  @FieldResolver(() => OrganizationPermissions, { description: "ログイン中の利用者ができること" })
  viewerCan(@Root() org: Organization, @Ctx() ctx: Context): OrganizationPermissions {
    return { update: organizationPolicy.update(ctx.viewer, org) };
  }
}
