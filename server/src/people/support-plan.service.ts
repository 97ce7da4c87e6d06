import { In, type DataSource, type EntityManager } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { today } from "@tsunagu/calendar";
import { badInput, conflict, notFound } from "../core/errors.js";
import { isUuid } from "../core/validators.js";
import { Consent } from "./consent.entity.js";
import { hasAnyActiveConsent } from "./consent.policy.js";
import type { PersonService } from "./person.service.js";
import { PLAN_IN_FORCE, SupportPlanStatus } from "./person.enums.js";
import { SupportPlan } from "./support-plan.entity.js";
import type { CreateSupportPlanInput, UpdateSupportPlanInput } from "./support-plan.inputs.js";

/**
 * 支援プラン: made with the person; 合意済 needs the date it was agreed. Access follows the person.
 * A 支援会議 may prepare a draft without consent (情報共有 under 守秘義務, 社会福祉法 第106条の6), but a plan agreed with
 * the person is made with their 本人同意 (seeds: 支援プラン and 重層的支援会議 need consent): agreeing needs an active one.
 */
export class SupportPlanService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  /* For other features (a match's basis, suggestions), inside their transaction; the caller has checked the person. */

  static findOfPerson(tx: EntityManager, personId: string, planId: string): Promise<SupportPlan | null> {
    return tx.getRepository(SupportPlan).findOneBy({ id: planId, personId });
  }

  /** The plan in force agreed last, or null. */
  static latestInForce(tx: EntityManager, personId: string): Promise<SupportPlan | null> {
    return tx
      .getRepository(SupportPlan)
      .findOne({ where: { personId, status: In([...PLAN_IN_FORCE]) }, order: { agreedOn: "DESC" } });
  }

  static hasInForce(tx: EntityManager, personId: string): Promise<boolean> {
    return tx.getRepository(SupportPlan).existsBy({ personId, status: In([...PLAN_IN_FORCE]) });
  }

  async create(viewer: Viewer | null, input: CreateSupportPlanInput): Promise<SupportPlan> {
    return this.db.transaction(async (tx) => {
      const person = await this.people.getVisible(viewer, input.personId, { tx });
      this.checkAgreed(input.status, input.agreedOn ?? null);
      if (input.status !== SupportPlanStatus.DRAFT) await this.checkConsent(tx, person.id);
      const repo = tx.getRepository(SupportPlan);
      return repo.save(
        repo.create({
          personId: person.id,
          planVersion: input.planVersion,
          goals: input.goals.map((g) => g.trim()),
          agreedOn: input.agreedOn ?? null,
          reviewOn: input.reviewOn ?? null,
          status: input.status,
          createdById: viewer!.userId,
        }),
      );
    });
  }

  async update(viewer: Viewer | null, input: UpdateSupportPlanInput): Promise<SupportPlan> {
    return this.db.transaction(async (tx) => {
      const plan = isUuid(input.id)
        ? await tx.getRepository(SupportPlan).findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!plan) throw notFound("支援プラン");
      await this.people.getVisible(viewer, plan.personId, { tx });
      if (input.expectedVersion != null && input.expectedVersion !== plan.version) {
        throw conflict("この支援プランは他の人が先に更新しました。画面を読み込み直してください");
      }
      if (input.goals !== undefined) plan.goals = input.goals.map((g) => g.trim());
      if (input.agreedOn !== undefined) plan.agreedOn = input.agreedOn;
      if (input.reviewOn !== undefined) plan.reviewOn = input.reviewOn;
      const wasDraft = plan.status === SupportPlanStatus.DRAFT;
      if (input.status !== undefined) plan.status = input.status;
      this.checkAgreed(plan.status, plan.agreedOn);
      if (wasDraft && plan.status !== SupportPlanStatus.DRAFT) await this.checkConsent(tx, plan.personId);
      return tx.getRepository(SupportPlan).save(plan);
    });
  }

  /** Leaving 作成中 means the plan was agreed with the person: their consent must be in force. */
  private async checkConsent(tx: EntityManager, personId: string): Promise<void> {
    if (!hasAnyActiveConsent(await tx.getRepository(Consent).findBy({ personId }), today())) {
      throw badInput(
        "input.status",
        "本人同意がないため合意済にできません。支援会議では作成中のまま検討し、本人の同意を記録してから合意済にしてください",
      );
    }
  }

  private checkAgreed(status: SupportPlanStatus, agreedOn: string | null): void {
    if (status !== SupportPlanStatus.DRAFT && !agreedOn)
      throw badInput("input.agreedOn", "合意した日を入力してください");
  }
}
