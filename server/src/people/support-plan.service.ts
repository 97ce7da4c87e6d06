import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer.js";
import { badInput, conflict, notFound } from "../core/errors.js";
import { isUuid } from "../core/validators.js";
import type { PersonService } from "./person.service.js";
import { SupportPlanStatus } from "./person.enums.js";
import { SupportPlan } from "./support-plan.entity.js";
import type { CreateSupportPlanInput, UpdateSupportPlanInput } from "./support-plan.inputs.js";

/** 支援プラン: made with the person; 合意済 needs the date it was agreed. Access follows the person. */
export class SupportPlanService {
  constructor(private readonly db: DataSource, private readonly people: PersonService) {}

  async create(viewer: Viewer | null, input: CreateSupportPlanInput): Promise<SupportPlan> {
    return this.db.transaction(async (tx) => {
      const person = await this.people.getVisible(viewer, input.personId, tx);
      this.checkAgreed(input.status, input.agreedOn ?? null);
      const repo = tx.getRepository(SupportPlan);
      return repo.save(repo.create({
        personId: person.id, planVersion: input.planVersion, goals: input.goals.map((g) => g.trim()), agreedOn: input.agreedOn ?? null,
        reviewOn: input.reviewOn ?? null, status: input.status, createdById: viewer!.userId,
      }));
    });
  }

  async update(viewer: Viewer | null, input: UpdateSupportPlanInput): Promise<SupportPlan> {
    return this.db.transaction(async (tx) => {
      const plan = isUuid(input.id) ? await tx.getRepository(SupportPlan).findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } }) : null;
      if (!plan) throw notFound("支援プラン");
      await this.people.getVisible(viewer, plan.personId, tx);
      if (input.expectedVersion != null && input.expectedVersion !== plan.version) {
        throw conflict("この支援プランは他の人が先に更新しました。画面を読み込み直してください");
      }
      if (input.goals !== undefined) plan.goals = input.goals.map((g) => g.trim());
      if (input.agreedOn !== undefined) plan.agreedOn = input.agreedOn;
      if (input.reviewOn !== undefined) plan.reviewOn = input.reviewOn;
      if (input.status !== undefined) plan.status = input.status;
      this.checkAgreed(plan.status, plan.agreedOn);
      return tx.getRepository(SupportPlan).save(plan);
    });
  }

  plansOf(personId: string): Promise<SupportPlan[]> {
    return this.db.getRepository(SupportPlan).find({ where: { personId }, order: { createdAt: "DESC" } });
  }

  private checkAgreed(status: SupportPlanStatus, agreedOn: string | null): void {
    if (status !== SupportPlanStatus.DRAFT && !agreedOn) throw badInput("input.agreedOn", "合意した日を入力してください");
  }
}
