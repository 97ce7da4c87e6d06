import type { DataSource, EntityManager } from "typeorm";
import { AreaService } from "../areas/area.service.js";
import { datedPage, type FiscalYearPageArgs } from "../core/dated-page.js";
import { badInput, conflict, forbidden, notFound } from "../core/errors.js";
import type { Connection } from "../core/pagination.js";
import { isUuid } from "../core/validators.js";
import type { Viewer } from "../core/viewer.js";
import type { PersonService } from "../people/person.service.js";
import { ConsultationIntake } from "./consultation-intake.entity.js";
import type {
  CreateConsultationIntakeInput,
  LinkIntakeToPersonInput,
  UpdateConsultationIntakeInput,
} from "./intake.inputs.js";
import { intakePolicy } from "./intake.policy.js";

const STALE = "他の人が先に更新しました。画面を読み込み直してください";

export class IntakeService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  async create(viewer: Viewer | null, input: CreateConsultationIntakeInput): Promise<ConsultationIntake> {
    if (!intakePolicy.create(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      await this.checkArea(tx, input.areaId);
      const repo = tx.getRepository(ConsultationIntake);
      return repo.save(
        repo.create({
          receivedOn: input.receivedOn,
          route: input.route,
          field: input.field,
          areaId: input.areaId ?? null,
          ageBand: input.ageBand ?? null,
          outcome: input.outcome,
          personId: null,
          note: input.note.trim(),
          recordedById: viewer!.userId,
        }),
      );
    });
  }

  async update(viewer: Viewer | null, input: UpdateConsultationIntakeInput): Promise<ConsultationIntake> {
    if (!intakePolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const intake = await this.lock(tx, input.id);
      if (input.expectedVersion !== intake.version) throw conflict(STALE);
      if (!intakePolicy.mayChangeOutcome(intake, input.outcome))
        throw badInput(
          "input.outcome",
          "本人と結びついている相談は「同意→本人登録」のままです。先に結びつきを外してください",
        );
      await this.checkArea(tx, input.areaId);
      Object.assign(intake, {
        receivedOn: input.receivedOn,
        route: input.route,
        field: input.field,
        areaId: input.areaId ?? null,
        ageBand: input.ageBand ?? null,
        outcome: input.outcome,
        note: input.note.trim(),
      });
      return tx.getRepository(ConsultationIntake).save(intake);
    });
  }

  /** Links the consultation to the person it became (or unlinks it with `personId: null`). */
  async link(viewer: Viewer | null, input: LinkIntakeToPersonInput): Promise<ConsultationIntake> {
    if (!intakePolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const intake = await this.lock(tx, input.id);
      if (input.expectedVersion != null && input.expectedVersion !== intake.version) throw conflict(STALE);
      if (input.personId) {
        if (!intakePolicy.link(viewer, intake))
          throw badInput("input.id", "本人に結びつけられるのは、結果が「同意→本人登録」の相談だけです");
        // NOT_FOUND for a person the viewer may not see: existence itself is private.
        await this.people.getVisible(viewer, input.personId, { tx });
      } else if (intake.personId) {
        // Unlinking names the person it was linked to: only someone who sees them may undo it.
        await this.people.getVisible(viewer, intake.personId, { tx });
      }
      intake.personId = input.personId ?? null;
      return tx.getRepository(ConsultationIntake).save(intake);
    });
  }

  async list(viewer: Viewer | null, args: FiscalYearPageArgs): Promise<Connection<ConsultationIntake>> {
    if (!intakePolicy.list(viewer)) throw forbidden();
    return datedPage(this.db.getRepository(ConsultationIntake).createQueryBuilder("i"), "i", "receivedOn", args);
  }

  private async lock(tx: EntityManager, id: string): Promise<ConsultationIntake> {
    const intake = isUuid(id)
      ? await tx.getRepository(ConsultationIntake).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!intake) throw notFound("相談受付");
    return intake;
  }

  private async checkArea(tx: EntityManager, areaId: string | null | undefined): Promise<void> {
    if (areaId && !(await AreaService.allExist(tx, [areaId]))) throw badInput("input.areaId", "地区が見つかりません");
  }
}
