import type { DataSource, EntityManager } from "typeorm";
import { datedPage, type FiscalYearPageArgs } from "../core/dated-page.js";
import { DomainError, conflict, forbidden, notFound } from "../core/errors.js";
import type { Connection } from "../core/pagination.js";
import { isUuid } from "../core/validators.js";
import type { Viewer } from "../core/viewer.js";
import { ResourceGapService } from "../gaps/resource-gap.service.js";
import { OrganizationService } from "../organizations/organization.service.js";
import type { PersonService } from "../people/person.service.js";
import { CooperationRequest } from "./cooperation-request.entity.js";
import { HostSupport } from "./host-support.entity.js";
import type {
  CreateCooperationRequestInput,
  CreateHostSupportInput,
  UpdateCooperationRequestInput,
  UpdateHostSupportInput,
} from "./host-relations.inputs.js";
import { cooperationProblems, hostRelationsPolicy } from "./host-relations.policy.js";

const STALE = "他の人が先に更新しました。画面を読み込み直してください";

type FieldProblem = { field: string; message: string };
const badFields = (problems: FieldProblem[]) =>
  new DomainError(
    "BAD_USER_INPUT",
    "入力内容を確認してください",
    problems.map((p) => ({ field: `input.${p.field}`, messages: [p.message] })),
  );

/** 協力依頼 and 受け入れ先支援: the coordinators' work with host organizations, outside any one match. */
export class HostRelationsService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  async createCooperation(viewer: Viewer | null, input: CreateCooperationRequestInput): Promise<CooperationRequest> {
    if (!hostRelationsPolicy.record(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      await this.checkCooperation(tx, viewer, input);
      const repo = tx.getRepository(CooperationRequest);
      return repo.save(repo.create({ ...this.cooperationColumns(input), recordedById: viewer!.userId }));
    });
  }

  async updateCooperation(viewer: Viewer | null, input: UpdateCooperationRequestInput): Promise<CooperationRequest> {
    if (!hostRelationsPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const request = isUuid(input.id)
        ? await tx
            .getRepository(CooperationRequest)
            .findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!request) throw notFound("協力依頼");
      // A request about a person the viewer may not see does not exist for them (as a match does not).
      if (request.personId) await this.people.getVisible(viewer, request.personId, { tx });
      if (input.expectedVersion !== request.version) throw conflict(STALE);
      await this.checkCooperation(tx, viewer, input);
      Object.assign(request, this.cooperationColumns(input));
      return tx.getRepository(CooperationRequest).save(request);
    });
  }

  /** A 年度's requests, newest first; those about a person the viewer may not see are left out. */
  async listCooperation(viewer: Viewer | null, args: FiscalYearPageArgs): Promise<Connection<CooperationRequest>> {
    if (!hostRelationsPolicy.list(viewer)) throw forbidden();
    const qb = this.people.whereNoPersonOrVisible(
      this.db.getRepository(CooperationRequest).createQueryBuilder("r"),
      "r.personId",
      viewer!,
    );
    return datedPage(qb, "r", "requestedOn", args);
  }

  async createHostSupport(viewer: Viewer | null, input: CreateHostSupportInput): Promise<HostSupport> {
    if (!hostRelationsPolicy.record(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      const repo = tx.getRepository(HostSupport);
      return repo.save(repo.create({ ...this.hostSupportColumns(input), recordedById: viewer!.userId }));
    });
  }

  async updateHostSupport(viewer: Viewer | null, input: UpdateHostSupportInput): Promise<HostSupport> {
    if (!hostRelationsPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const support = isUuid(input.id)
        ? await tx.getRepository(HostSupport).findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!support) throw notFound("受け入れ先支援");
      if (input.expectedVersion !== support.version) throw conflict(STALE);
      await this.checkOrganization(tx, input.organizationId);
      Object.assign(support, this.hostSupportColumns(input));
      return tx.getRepository(HostSupport).save(support);
    });
  }

  async listHostSupport(viewer: Viewer | null, args: FiscalYearPageArgs): Promise<Connection<HostSupport>> {
    if (!hostRelationsPolicy.list(viewer)) throw forbidden();
    return datedPage(this.db.getRepository(HostSupport).createQueryBuilder("s"), "s", "givenOn", args);
  }

  private cooperationColumns(input: CreateCooperationRequestInput) {
    return {
      organizationId: input.organizationId,
      requestedOn: input.requestedOn,
      kind: input.kind,
      answer: input.answer,
      answeredOn: input.answeredOn ?? null,
      personId: input.personId ?? null,
      resourceGapId: input.resourceGapId ?? null,
      note: input.note.trim(),
    };
  }

  private hostSupportColumns(input: CreateHostSupportInput) {
    return {
      organizationId: input.organizationId,
      givenOn: input.givenOn,
      kind: input.kind,
      method: input.method,
      note: input.note.trim(),
    };
  }

  /** Every field problem at once (BAD_USER_INPUT); a person the viewer may not see is NOT_FOUND. */
  private async checkCooperation(tx: EntityManager, viewer: Viewer | null, input: CreateCooperationRequestInput) {
    const problems = cooperationProblems({
      requestedOn: input.requestedOn,
      kind: input.kind,
      answer: input.answer,
      answeredOn: input.answeredOn ?? null,
      resourceGapId: input.resourceGapId ?? null,
    });
    if (!(await OrganizationService.exists(tx, input.organizationId)))
      problems.push({ field: "organizationId", message: "団体が見つかりません" });
    if (input.resourceGapId && !(await ResourceGapService.exists(tx, input.resourceGapId)))
      problems.push({ field: "resourceGapId", message: "資源の不足が見つかりません" });
    if (problems.length) throw badFields(problems);
    if (input.personId) await this.people.getVisible(viewer, input.personId, { tx });
  }

  private async checkOrganization(tx: EntityManager, organizationId: string) {
    if (!(await OrganizationService.exists(tx, organizationId)))
      throw badFields([{ field: "organizationId", message: "団体が見つかりません" }]);
  }
}
