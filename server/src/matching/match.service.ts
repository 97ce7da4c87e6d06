import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { MATCH_STAGE_LABELS } from "@tsunagu/labels";
import { In } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { today } from "@tsunagu/calendar";
import { DomainError, badInput, conflict, forbidden, notFound } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { isUuid } from "../core/validators.js";
import { RelationshipStability } from "../followups/followup.enums.js";
import { followUpPlanner } from "../followups/followup.planner.js";
import { FollowUpService } from "../followups/followup.service.js";
import { hasHostConsent } from "../people/consent.policy.js";
import { PLAN_IN_FORCE } from "../people/person.enums.js";
import { PersonService } from "../people/person.service.js";
import { personRightsPolicy } from "../person-rights/person-rights.policy.js";
import type { SupportPlan } from "../people/support-plan.entity.js";
import { SupportPlanService } from "../people/support-plan.service.js";
import { ResourceStatus } from "../resources/resource.enums.js";
import { ResourceService } from "../resources/resource.service.js";
import type { MunicipalSettingsService } from "../settings/municipal-settings.service.js";
import { Match, MatchTransition } from "./match.entity.js";
import { MatchStage } from "./match.enums.js";
import type { CreateMatchInput, MatchListArgs, TransitionMatchInput } from "./match.inputs.js";
import { matchPolicy } from "./match.policy.js";
import { FINAL_STAGES, illegalTransitionMessage, isReopening, settlingFrom, transitionRule } from "./match.stages.js";

/**
 * マッチング for caseworkers: the server owns the stage machine (match.stages.ts), the consent gate, the municipal
 * plan rule, the outcome observation on closing, and the follow-up plan each stage calls for.
 */
export class MatchService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
    private readonly settings: MunicipalSettingsService,
  ) {}

  async create(viewer: Viewer | null, input: CreateMatchInput): Promise<Match> {
    if (!matchPolicy.create(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const person = await this.people.getVisible(viewer, input.personId, { tx, lock: true });
      const stopped = personRightsPolicy.whyNotRefer(person);
      if (stopped) throw conflict(stopped);
      const [resource] = await ResourceService.byIds(tx, [input.resourceId]);
      if (!resource) throw badInput("input.resourceId", "資源が見つかりません");
      if (resource.status === ResourceStatus.ENDED) throw badInput("input.resourceId", "終了した資源にはつなげません");
      const plan = await this.planFor(tx, person.id, input.supportPlanId ?? null);
      if ((await this.settings.get(tx)).requireSupportPlanForMatch && !plan) {
        throw conflict("この市では、合意済の支援プランがないとマッチングできません。先に支援プランを作成してください");
      }
      if (resource.eligibility.requiresSupportPlan && !plan) {
        throw conflict("この資源は支援プランのある方が対象です。先に本人と支援プランに合意してください");
      }
      const open = await tx
        .getRepository(Match)
        .findOne({ where: { personId: person.id, resourceId: resource.id, stage: In(this.openStages()) } });
      if (open) throw conflict(`この本人とこの資源のマッチングはすでに進行中です (${MATCH_STAGE_LABELS[open.stage]})`);
      const repo = tx.getRepository(Match);
      const match = await repo.save(
        repo.create({
          personId: person.id,
          resourceId: resource.id,
          organizationId: resource.organizationId,
          coordinatorId: viewer!.userId,
          supportPlanId: plan?.id ?? null,
          stage: MatchStage.CANDIDATE,
          heldFrom: null,
          rationale: input.rationale.trim(),
          score: input.score ?? null,
          startedOn: null,
          firstStartedOn: null,
          closedOn: null,
          hostResponse: null,
          hostResponseReason: null,
          hostRespondedAt: null,
          reopenCount: 0,
        }),
      );
      await this.record(tx, match.id, null, MatchStage.CANDIDATE, "", viewer!.userId, today());
      return match;
    });
  }

  async transition(viewer: Viewer | null, input: TransitionMatchInput): Promise<Match> {
    if (!matchPolicy.transition(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      // Row lock first: of two concurrent moves, the second waits here and then sees the first one's version.
      const match = await this.lockVisible(tx, viewer, input.matchId);
      if (input.expectedVersion !== match.version) {
        throw conflict(
          `このマッチングは他の人が先に更新しました (現在: ${MATCH_STAGE_LABELS[match.stage]})。画面を読み込み直してください`,
        );
      }
      await this.move(tx, match, input.to, {
        actorId: viewer!.userId,
        reason: input.reason?.trim() ?? "",
        effectiveOn: input.effectiveOn ?? today(),
        outcome: input.outcome ?? null,
      });
      return match;
    });
  }

  /**
   * One legal move with everything it implies. Used by caseworkers' transitions and by a host's decline; the caller
   * holds the row lock.
   */
  async move(
    tx: EntityManager,
    match: Match,
    to: MatchStage,
    how: { actorId: string; reason: string; effectiveOn: string; outcome: TransitionMatchInput["outcome"] },
  ): Promise<void> {
    const from = match.stage;
    const rule = transitionRule(from, to, match.heldFrom);
    if (!rule.allowed) throw badInput("input.to", illegalTransitionMessage(from, to));
    if (rule.reasonRequired && !how.reason)
      throw badInput("input.reason", `「${MATCH_STAGE_LABELS[to]}」にする理由を入力してください`);
    const last = await tx
      .getRepository(MatchTransition)
      .findOne({ where: { matchId: match.id }, order: { effectiveOn: "DESC", createdAt: "DESC" } });
    if (last && how.effectiveOn < last.effectiveOn)
      throw badInput("input.effectiveOn", `前の段階の日付 (${last.effectiveOn}) より前にはできません`);
    if (rule.outcomeRequired) this.checkOutcome(from, to, how.outcome ?? null);
    if (to === MatchStage.STABLE && !how.reason) await this.checkSettlingPeriod(tx, match, how.effectiveOn);
    if (rule.hostConsentRequired) {
      // 利用停止: no new contact with a host about this person (person-rights/).
      const [person] = await PersonService.byIds(tx, [match.personId]);
      const stopped = person && personRightsPolicy.whyNotRefer(person);
      if (stopped) throw conflict(stopped);
      const consents = await PersonService.consentsFor(tx, [match.personId]);
      if (!hasHostConsent(consents, match.organizationId, how.effectiveOn)) {
        throw conflict(
          "この受け入れ先への紹介について本人の同意がありません。同意を記録してから受け入れ先に連絡してください",
        );
      }
    }
    if (to === MatchStage.ON_HOLD) match.heldFrom = from;
    else if (from === MatchStage.ON_HOLD) match.heldFrom = null;
    if (to === MatchStage.ACTIVE_FOLLOW_UP) {
      if (isReopening(from, to)) match.reopenCount += 1;
      match.startedOn = how.effectiveOn;
      match.firstStartedOn ??= how.effectiveOn;
      await followUpPlanner.cancelOpen(tx, match.id);
      await followUpPlanner.planParticipation(tx, match.id, how.effectiveOn, await this.settings.get(tx));
    }
    if (to === MatchStage.CLOSED) {
      match.closedOn = how.effectiveOn;
      await followUpPlanner.cancelOpen(tx, match.id);
      await followUpPlanner.planPostClosure(tx, match.id, how.effectiveOn, await this.settings.get(tx));
    }
    if (
      to === MatchStage.SUSPENDED ||
      (FINAL_STAGES.has(to) && to !== MatchStage.CLOSED && to !== MatchStage.POST_CLOSURE)
    ) {
      await followUpPlanner.cancelOpen(tx, match.id);
    }
    if (how.outcome) {
      const o = how.outcome;
      await FollowUpService.insertRecord(tx, {
        matchId: match.id,
        personId: match.personId,
        recordedById: how.actorId,
        contactedOn: how.effectiveOn,
        method: o.method,
        counterparts: o.counterparts,
        sessionsAttended: null,
        sessionsPlanned: null,
        participationLevel: o.participationLevel ?? null,
        changeObserved: o.changeObserved,
        changeType: o.changeObserved ? (o.changeType ?? null) : null,
        changeCategories: o.changeObserved ? o.changeCategories : [],
        narrative: o.narrative,
        relationshipStability: o.relationshipStability,
        hostFeedback: "",
        hostGuidance: "",
        nextDueOn: null,
        isOutcomeEvaluation: true,
      });
    }
    match.stage = to;
    await tx.getRepository(Match).save(match);
    await this.record(tx, match.id, from, to, how.reason, how.actorId, how.effectiveOn);
  }

  async get(viewer: Viewer | null, id: string): Promise<Match> {
    const match = isUuid(id) ? await this.db.getRepository(Match).findOneBy({ id }) : null;
    if (!match) throw notFound("マッチング");
    await this.people.getVisible(viewer, match.personId).catch(() => Promise.reject(notFound("マッチング")));
    return match;
  }

  /** Keeps the matches (alias `m`) of persons this viewer may see; binds `:uid` to the viewer. */
  whereVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, viewer: Viewer): SelectQueryBuilder<T> {
    return this.people.joinVisible(qb, "m.personId", viewer);
  }

  /**
   * Joins the match named by `matchIdColumn` (alias `m`) and keeps the rows whose match this viewer may see. Binds
   * `:uid` to the viewer.
   */
  joinVisible<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    matchIdColumn: string,
    viewer: Viewer,
  ): SelectQueryBuilder<T> {
    return this.whereVisible(qb.innerJoin(Match, "m", `m.id = ${matchIdColumn}`), viewer);
  }

  /*
   * For other features (follow-ups, the listing delete guard), inside their transaction. No access check: the caller
   * has already passed one (lockVisible, joinVisible) for the matches it names.
   */

  static byIds(tx: EntityManager, ids: string[]): Promise<Match[]> {
    return ids.length ? tx.getRepository(Match).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The first move of a match (its start as 候補), or null. */
  static firstTransition(tx: EntityManager, matchId: string): Promise<MatchTransition | null> {
    return tx
      .getRepository(MatchTransition)
      .findOne({ where: { matchId }, order: { effectiveOn: "ASC", createdAt: "ASC" } });
  }

  /** A follow-up recorded on the match moves it up the board (the board is ordered by updatedAt). */
  static async touch(tx: EntityManager, matchId: string): Promise<void> {
    await tx.getRepository(Match).update(matchId, { updatedAt: new Date() });
  }

  /** Whether any match refers to this listing (see ResourceService's ListingInUse). */
  static hasListing(tx: EntityManager, resourceId: string): Promise<boolean> {
    return tx.getRepository(Match).existsBy({ resourceId });
  }

  /** The board: matches of persons this viewer may see, newest first. */
  async list(viewer: Viewer | null, args: MatchListArgs): Promise<Connection<Match>> {
    const qb = this.whereVisible(this.db.getRepository(Match).createQueryBuilder("m"), viewer!);
    if (args.stages?.length) qb.andWhere("m.stage IN (:...stages)", { stages: args.stages });
    if (args.personId) qb.andWhere("m.personId = :personId", { personId: args.personId });
    if (args.mine) qb.andWhere("m.coordinatorId = :uid");
    const totalCount = await qb.getCount();
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ["timestamp", "uuid"]);
      qb.andWhere("(m.updatedAt, m.id) < (:at::timestamptz, :id::uuid)", { at, id });
    }
    const rows = await qb
      .orderBy("m.updatedAt", "DESC")
      .addOrderBy("m.id", "DESC")
      .take(args.first + 1)
      .getMany();
    return toConnection(rows, args.first, totalCount, (m) => [m.updatedAt.toISOString(), m.id]);
  }

  async lockVisible(tx: EntityManager, viewer: Viewer | null, id: string): Promise<Match> {
    const match = isUuid(id)
      ? await tx.getRepository(Match).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!match) throw notFound("マッチング");
    await this.people.getVisible(viewer, match.personId, { tx }).catch(() => Promise.reject(notFound("マッチング")));
    return match;
  }

  private checkOutcome(from: MatchStage, to: MatchStage, outcome: TransitionMatchInput["outcome"] | null): void {
    if (!outcome) {
      throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", [
        {
          field: "input.outcome",
          messages: [`「${MATCH_STAGE_LABELS[to]}」にするには、最終的な評価 (変化の有無・関係性) を記録してください`],
        },
      ]);
    }
    // 定着, and 終結 after 定着, mean the relationship with the host is stable; closing a 中断 case need not.
    if (
      (to === MatchStage.STABLE || from === MatchStage.STABLE) &&
      outcome.relationshipStability !== RelationshipStability.STABLE
    ) {
      throw badInput(
        "input.outcome.relationshipStability",
        "本人と受け入れ先の関係性が「安定」のときに定着・終結にできます",
      );
    }
  }

  /**
   * 定着 closes the follow-up period (MunicipalSettings.followUpMonths after the latest start): earlier, the move must
   * say why (the reason is kept in the history).
   */
  private async checkSettlingPeriod(tx: EntityManager, match: Match, effectiveOn: string): Promise<void> {
    const months = (await this.settings.get(tx)).followUpMonths;
    const startedOn = match.startedOn ?? effectiveOn;
    const from = settlingFrom(startedOn, months);
    if (effectiveOn < from) {
      throw badInput(
        "input.reason",
        `参加開始 (${startedOn}) からフォローアップ期間 (${months}か月) が経っていません。${from} より前に「定着」にする理由を入力してください`,
      );
    }
  }

  private async planFor(tx: EntityManager, personId: string, planId: string | null): Promise<SupportPlan | null> {
    if (planId) {
      const plan = await SupportPlanService.findOfPerson(tx, personId, planId);
      if (!plan) throw badInput("input.supportPlanId", "この本人の支援プランが見つかりません");
      // A plan is the basis of a match only once agreed with the person (and until it is closed); a draft is not.
      if (!PLAN_IN_FORCE.includes(plan.status))
        throw badInput("input.supportPlanId", "合意済 (または見直し中) の支援プランを指定してください");
      return plan;
    }
    return SupportPlanService.latestInForce(tx, personId);
  }

  private openStages(): MatchStage[] {
    return Object.values(MatchStage).filter((s) => !FINAL_STAGES.has(s));
  }

  private async record(
    tx: EntityManager,
    matchId: string,
    from: MatchStage | null,
    to: MatchStage,
    reason: string,
    actorId: string,
    effectiveOn: string,
  ) {
    const repo = tx.getRepository(MatchTransition);
    await repo.save(repo.create({ matchId, fromStage: from, toStage: to, reason, actorId, effectiveOn }));
  }
}
