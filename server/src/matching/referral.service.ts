import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { today } from "@tsunagu/calendar";
import { badInput, conflict, forbidden, notFound } from "../core/errors.js";
import { isUuid } from "../core/validators.js";
import { factsForHost, hasHostConsent } from "../people/consent.policy.js";
import { personRightsPolicy } from "../person-rights/person-rights.policy.js";
import { PersonService } from "../people/person.service.js";
import { ResourceService } from "../resources/resource.service.js";
import { Attendance, Match, MatchTransition } from "./match.entity.js";
import { HostResponse, MatchStage } from "./match.enums.js";
import type { RecordAttendanceInput, RespondToReferralInput } from "./match.inputs.js";
import { matchPolicy } from "./match.policy.js";
import type { MatchService } from "./match.service.js";
import { PARTICIPATING, SENT_TO_HOST } from "./match.stages.js";
import { redactForHost, type Referral } from "./referral.view.js";

const ATTENDANCE_STAGES = new Set<MatchStage>([MatchStage.VISIT_TRIAL, ...PARTICIPATING]);
const SENT = [...SENT_TO_HOST];

/**
 * The host side of matching (受け入れ先ポータル). A HOST user reaches only matches sent to their own organization;
 * anything else is NOT_FOUND, never FORBIDDEN, so a host cannot probe for other people's referrals. The person's
 * facts are read through the consents on every request, so a withdrawal hides them at once.
 */
export class ReferralService {
  constructor(
    private readonly db: DataSource,
    private readonly matches: MatchService,
  ) {}

  async list(viewer: Viewer | null, stages: MatchStage[] | null): Promise<Referral[]> {
    const orgId = this.hostOrg(viewer);
    const wanted = stages?.length ? stages.filter((s) => SENT_TO_HOST.has(s)) : SENT;
    const rows = await this.db
      .getRepository(Match)
      .find({ where: { organizationId: orgId, stage: In(wanted) }, order: { updatedAt: "DESC" }, take: 200 });
    return this.toReferrals(this.db.manager, rows, orgId);
  }

  async get(viewer: Viewer | null, id: string): Promise<Referral> {
    const orgId = this.hostOrg(viewer);
    const match = await this.findOwn(this.db.manager, orgId, id);
    return (await this.toReferrals(this.db.manager, [match], orgId))[0];
  }

  /** 受け入れ可 records the answer; 辞退 ends the match as 受け入れ先辞退 with the host's reason. */
  async respond(viewer: Viewer | null, input: RespondToReferralInput): Promise<Referral> {
    const orgId = this.hostOrg(viewer);
    await this.db.transaction(async (tx) => {
      const match = await this.findOwn(tx, orgId, input.matchId, { lock: true });
      const reason = input.reason?.trim() ?? "";
      if (input.response === HostResponse.DECLINED) {
        if (!reason) throw badInput("input.reason", "お断りの理由を入力してください");
        if (match.stage !== MatchStage.HOST_COORDINATION && match.stage !== MatchStage.VISIT_TRIAL) {
          throw conflict("この段階ではお断りの回答はできません。担当のコーディネーターに連絡してください");
        }
        await this.matches.move(tx, match, MatchStage.HOST_DECLINED, {
          actorId: viewer!.userId,
          reason,
          effectiveOn: today(),
          outcome: null,
        });
      } else if (match.stage !== MatchStage.HOST_COORDINATION) {
        throw conflict("受け入れ可の回答は「受け入れ先調整」の段階でだけできます");
      }
      Object.assign(match, {
        hostResponse: input.response,
        hostResponseReason: reason || null,
        hostRespondedAt: new Date(),
      });
      await tx.getRepository(Match).save(match);
    });
    return this.get(viewer, input.matchId);
  }

  /** 出欠: by the host for its own referrals, or by a caseworker who may see the person. One row per session day. */
  async recordAttendance(viewer: Viewer | null, input: RecordAttendanceInput): Promise<Attendance> {
    return this.db.transaction(async (tx) => {
      const match = matchPolicy.actsAsHost(viewer)
        ? await this.findOwn(tx, this.hostOrg(viewer), input.matchId, { lock: true })
        : await this.matches.lockVisible(tx, viewer, input.matchId);
      if (!ATTENDANCE_STAGES.has(match.stage)) throw conflict("出欠は見学・体験または参加開始後に記録できます");
      const repo = tx.getRepository(Attendance);
      await repo.upsert(
        {
          matchId: match.id,
          sessionOn: input.sessionOn,
          attended: input.attended,
          note: input.note.trim(),
          recordedById: viewer!.userId,
        },
        ["matchId", "sessionOn"],
      );
      return repo.findOneByOrFail({ matchId: match.id, sessionOn: input.sessionOn });
    });
  }

  private hostOrg(viewer: Viewer | null): string {
    const organizationId = matchPolicy.hostOrganizationOf(viewer);
    if (!organizationId) throw forbidden();
    return organizationId;
  }

  private async findOwn(tx: EntityManager, orgId: string, id: string, { lock = false } = {}): Promise<Match> {
    const match = isUuid(id)
      ? await tx
          .getRepository(Match)
          .findOne({ where: { id }, ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) })
      : null;
    if (!match || match.organizationId !== orgId || !SENT_TO_HOST.has(match.stage)) throw notFound("紹介");
    return match;
  }

  /** Batched: persons, consents, resources, attendance and referral dates for all rows in five queries. */
  private async toReferrals(tx: EntityManager, rows: Match[], orgId: string): Promise<Referral[]> {
    if (!rows.length) return [];
    const ids = rows.map((m) => m.id);
    const personIds = [...new Set(rows.map((m) => m.personId))];
    const [persons, consents, resources, attendance, sent] = await Promise.all([
      PersonService.byIds(tx, personIds),
      PersonService.consentsFor(tx, personIds),
      ResourceService.byIds(tx, [...new Set(rows.map((m) => m.resourceId))]),
      tx.getRepository(Attendance).find({ where: { matchId: In(ids) }, order: { sessionOn: "DESC" } }),
      tx
        .getRepository(MatchTransition)
        .find({ where: { matchId: In(ids), toStage: MatchStage.HOST_COORDINATION }, order: { effectiveOn: "ASC" } }),
    ]);
    const day = today();
    const person = new Map(persons.map((p) => [p.id, p]));
    const resource = new Map(resources.map((r) => [r.id, r]));
    const consentsOf = groupBy(consents, (c) => c.personId);
    const attendanceOf = groupBy(attendance, (a) => a.matchId);
    const referredOn = new Map<string, string>();
    for (const t of sent) if (!referredOn.has(t.matchId)) referredOn.set(t.matchId, t.effectiveOn);
    return rows.map((m) => {
      // 利用停止 or 消去: the host is shown nothing about the person any more (person-rights/), the referral itself stays.
      const stopped = personRightsPolicy.hiddenFromHosts(person.get(m.personId)!);
      const own = stopped ? [] : (consentsOf.get(m.personId) ?? []);
      const facts = factsForHost(own, orgId, day);
      return {
        id: m.id,
        organizationId: m.organizationId,
        stage: m.stage,
        version: m.version,
        resource: resource.get(m.resourceId)!,
        referredOn: referredOn.get(m.id) ?? null,
        startedOn: m.startedOn,
        hostResponse: m.hostResponse,
        hostResponseReason: m.hostResponseReason,
        person: redactForHost(person.get(m.personId)!, facts, m.id),
        sharedFacts: [...facts].sort(),
        consentActive: hasHostConsent(own, orgId, day),
        attendance: attendanceOf.get(m.id) ?? [],
        canRecordAttendance: ATTENDANCE_STAGES.has(m.stage),
        canRespond: m.stage === MatchStage.HOST_COORDINATION,
      };
    });
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
