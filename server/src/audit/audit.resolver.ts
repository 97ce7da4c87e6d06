import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { User } from "../auth/index.js";
import { ADMINS } from "../core/roles.js";
import { RequireRole } from "../core/access.js";
import { ConnectionType } from "../core/pagination.js";
import type { Context } from "../context.js";
import { AuditEvent } from "./audit-event.entity.js";
import { AuditChainStatus } from "./audit-chain.types.js";
import { AuditAction } from "./audit.enums.js";
import { AuditLogArgs } from "./audit.inputs.js";
import { userLoaders } from "../auth/user.loaders.js";

const AuditEventConnection = ConnectionType(AuditEvent, "AuditEvent");

@Resolver(() => AuditEvent)
export class AuditResolver {
  @RequireRole(...ADMINS)
  @Query(() => AuditEventConnection, { description: "監査ログ (管理者のみ, 新しい順). この閲覧も記録される" })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context) {
    const page = await ctx.services.audit.search(ctx.viewer, args);
    // Watching the watchers: one READ row per page, with the conditions used (ids, codes and dates only).
    ctx.audit.add({
      action: AuditAction.READ,
      entityType: "AuditLog",
      recordId: null,
      operation: "auditLog",
      detail: { filter: JSON.parse(JSON.stringify(args.filter ?? {})), returned: page.edges.length },
    });
    return page;
  }

  @RequireRole(...ADMINS)
  @Query(() => AuditChainStatus, {
    description: "監査ログの改ざんの確認 (管理者のみ): 記録のハッシュの連鎖をすべて確かめる。この確認も記録される",
  })
  async auditChainStatus(@Ctx() ctx: Context) {
    const status = await ctx.services.audit.verifyChain(ctx.viewer);
    // Recorded like a reading of the log, with the outcome (codes and counts only).
    ctx.audit.add({
      action: AuditAction.READ,
      entityType: "AuditLog",
      recordId: null,
      operation: "auditChainStatus",
      detail: {
        intact: status.intact,
        checked: status.checkedCount,
        breakKind: status.firstBreak?.kind ?? null,
        breakSeq: status.firstBreak?.seq ?? null,
      },
    });
    return status;
  }

  @FieldResolver(() => User, { nullable: true, description: "操作した利用者 (削除済みなら空)" })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return event.actorUserId ? ctx.loaders.of(userLoaders).user.load(event.actorUserId) : null;
  }
}
