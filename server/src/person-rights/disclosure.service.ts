import { today } from "@tsunagu/calendar";
import type { DataSource } from "typeorm";
import { AuditAction } from "../audit/audit.enums.js";
import type { AuditService } from "../audit/audit.service.js";
import { forbidden } from "../core/errors.js";
import type { Viewer } from "../core/viewer.js";
import { SENT_TO_HOST } from "../matching/match.stages.js";
import { consentState, factsForHost } from "../people/consent.policy.js";
import type { PersonService } from "../people/person.service.js";
import { personRightsPolicy } from "./person-rights.policy.js";

/** The version of the disclosure file's layout (a reader can tell an older file from a newer one). */
export const DISCLOSURE_FORMAT = "tsunagu.person-disclosure/1";

/** At most this many rows of the access log go in one disclosure (newest first); the file says when some were left. */
export const ACCESS_LOG_LIMIT = 2000;

type Row = Record<string, unknown>;

/** How the disclosure was asked for: shown on the 開示 page, or downloaded as the JSON file. */
export type DisclosureFormat = "page" | "download";

/**
 * 開示: everything tsunagu holds about one person, for a 開示請求 — the profile, the correction history, consents,
 * plans, matches with their moves and attendance, follow-ups, the intakes, meetings and 協力依頼 that name them, what
 * each host was shown (the facts each host's consents cover today, and each time a host opened the referral), and
 * who read or changed the record when (the audit log). Codes, not labels: the web page (PersonDisclosurePage) labels
 * them, and the file stays machine-readable. Producing it is a caseworker's act on a person they may read, and is
 * itself audited (DISCLOSURE).
 */
export class DisclosureService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
    private readonly audit: AuditService,
  ) {}

  async disclose(
    viewer: Viewer | null,
    personId: string,
    how: { format: DisclosureFormat; requestId: string; clientAddress: string | null },
  ): Promise<Row> {
    if (!personRightsPolicy.act(viewer)) throw forbidden();
    const disclosure = await this.db.transaction("REPEATABLE READ", async (tx) => {
      const person = await this.people.getVisible(viewer, personId, { tx });
      const q = (sql: string, params: unknown[] = [person.id]): Promise<Row[]> => tx.query(sql, params);
      const [generatedBy] = await q(`SELECT id, display_name AS "displayName" FROM app_user WHERE id = $1`, [
        viewer!.userId,
      ]);
      const [profile] = await q(
        `SELECT p.id, p.display_name AS "displayName", p.name_kana AS "nameKana", p.birth_year AS "birthYear",
                p.age_band AS "ageBand", a.name AS "area", p.home_lat AS "homeLat", p.home_lng AS "homeLng",
                p.contact_preference AS "contactPreference", p.contact_note AS "contactNote",
                p.household_note AS "householdNote", p.household_issues AS "householdIssues", p.certificates,
                p.participation_level AS "participationLevel", u.display_name AS "coordinator",
                p.registered_on::text AS "registeredOn", p.stopped_on::text AS "stoppedOn", p.stop_reason AS "stopReason",
                p.erased_at AS "erasedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt"
           FROM person p LEFT JOIN area a ON a.id = p.area_id LEFT JOIN app_user u ON u.id = p.coordinator_id
          WHERE p.id = $1`,
      );
      const needs = Object.fromEntries(Object.entries(person.needs ?? {}));
      const consents = await q(
        `SELECT c.id, c.purpose, c.organization_id AS "organizationId", o.name AS "organization", c.facts, c.method,
                c.given_on::text AS "givenOn", c.expires_on::text AS "expiresOn", c.note, u.display_name AS "recordedBy",
                c.withdrawn_at AS "withdrawnAt", c.withdrawal_reason AS "withdrawalReason", c.created_at AS "recordedAt"
           FROM consent c LEFT JOIN organization o ON o.id = c.organization_id LEFT JOIN app_user u ON u.id = c.recorded_by_id
          WHERE c.person_id = $1 ORDER BY c.given_on DESC, c.created_at DESC`,
      );
      const on = today();
      for (const c of consents)
        c.state = consentState(
          { withdrawnAt: c.withdrawnAt as Date | null, expiresOn: c.expiresOn as string | null } as never,
          on,
        );
      const matches = await q(
        `SELECT m.id, r.name AS "resource", m.organization_id AS "organizationId", o.name AS "organization", m.stage,
                m.rationale, m.started_on::text AS "startedOn", m.closed_on::text AS "closedOn",
                m.host_response AS "hostResponse", m.host_response_reason AS "hostResponseReason", m.created_at AS "createdAt"
           FROM "match" m JOIN resource r ON r.id = m.resource_id JOIN organization o ON o.id = m.organization_id
          WHERE m.person_id = $1 ORDER BY m.created_at`,
      );
      const moves = await q(
        `SELECT t.match_id AS "matchId", t.from_stage AS "fromStage", t.to_stage AS "toStage",
                t.effective_on::text AS "effectiveOn", t.reason, u.display_name AS "by"
           FROM match_transition t JOIN "match" m ON m.id = t.match_id LEFT JOIN app_user u ON u.id = t.actor_id
          WHERE m.person_id = $1 ORDER BY t.effective_on, t.created_at`,
      );
      const attendance = await q(
        `SELECT a.match_id AS "matchId", a.session_on::text AS "sessionOn", a.attended, a.note
           FROM attendance a JOIN "match" m ON m.id = a.match_id WHERE m.person_id = $1 ORDER BY a.session_on`,
      );
      const hidden = personRightsPolicy.hiddenFromHosts(person);
      const consentFacts = consents.map((c) => ({
        organizationId: c.organizationId as string | null,
        purpose: c.purpose,
        facts: c.facts,
        givenOn: c.givenOn,
        expiresOn: c.expiresOn,
        withdrawnAt: c.withdrawnAt,
      })) as never[];
      for (const m of matches) {
        m.transitions = moves.filter((t) => t.matchId === m.id).map(({ matchId: _, ...t }) => t);
        m.attendance = attendance.filter((a) => a.matchId === m.id).map(({ matchId: _, ...a }) => a);
      }
      const hostViews = matches
        .filter((m) => (m.transitions as Row[]).some((t) => SENT_TO_HOST.has(t.toStage as never)))
        .map((m) => ({
          matchId: m.id,
          organization: m.organization,
          resource: m.resource,
          referredOn: (m.transitions as Row[]).find((t) => SENT_TO_HOST.has(t.toStage as never))?.effectiveOn ?? null,
          factsShownToday: hidden ? [] : [...factsForHost(consentFacts, m.organizationId as string, on)].sort(),
        }));
      const hostReads = await q(
        `SELECT e.record_id AS "matchId", o.name AS "organization", count(*)::int AS "times",
                min(e.occurred_at) AS "firstShownAt", max(e.occurred_at) AS "lastShownAt"
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id LEFT JOIN organization o ON o.id = u.organization_id
          WHERE e.person_id = $1 AND e.action = 'READ' AND e.entity_type = 'ReferralPerson'
          GROUP BY e.record_id, o.name ORDER BY min(e.occurred_at)`,
      );
      const accessLog = await q(
        `SELECT e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType", e.operation,
                u.display_name AS "actor", e.actor_role AS "actorRole", o.name AS "actorOrganization"
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id LEFT JOIN organization o ON o.id = u.organization_id
          WHERE e.person_id = $1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT $2`,
        [person.id, ACCESS_LOG_LIMIT + 1],
      );
      return {
        format: DISCLOSURE_FORMAT,
        generatedAt: new Date().toISOString(),
        generatedBy: generatedBy ?? null,
        person: { ...profile, needs },
        erasure:
          (await q(`SELECT erased_at AS "erasedAt", cause, counts FROM person_erasure WHERE person_id = $1`))[0] ??
          null,
        corrections: await q(
          `SELECT c.field, c.before, c.after, c.reason, u.display_name AS "correctedBy", c.corrected_at AS "correctedAt"
             FROM person_correction c LEFT JOIN app_user u ON u.id = c.corrected_by_id
            WHERE c.person_id = $1 ORDER BY c.corrected_at DESC, c.field`,
        ),
        consents: consents.map(({ organizationId: _, ...c }) => c),
        supportPlans: await q(
          `SELECT plan_version AS "planVersion", goals, agreed_on::text AS "agreedOn", review_on::text AS "reviewOn",
                  status, created_at AS "createdAt", updated_at AS "updatedAt"
             FROM support_plan WHERE person_id = $1 ORDER BY created_at`,
        ),
        matches: matches.map(({ organizationId: _, ...m }) => m),
        followUps: await q(
          `SELECT f.contacted_on::text AS "contactedOn", f.method, f.counterparts, f.sessions_attended AS "sessionsAttended",
                  f.sessions_planned AS "sessionsPlanned", f.participation_level AS "participationLevel",
                  f.change_observed AS "changeObserved", f.change_type AS "changeType",
                  f.change_categories AS "changeCategories", f.narrative, f.relationship_stability AS "relationshipStability",
                  f.host_feedback AS "hostFeedback", f.host_guidance AS "hostGuidance", r.name AS "resource",
                  u.display_name AS "recordedBy"
             FROM follow_up_record f JOIN "match" m ON m.id = f.match_id JOIN resource r ON r.id = m.resource_id
             LEFT JOIN app_user u ON u.id = f.recorded_by_id
            WHERE f.person_id = $1 ORDER BY f.contacted_on, f.created_at`,
        ),
        intakes: await q(
          `SELECT received_on::text AS "receivedOn", route, field, outcome, note FROM consultation_intake
            WHERE person_id = $1 ORDER BY received_on`,
        ),
        meetings: await q(
          `SELECT r.held_on::text AS "heldOn", r.kind, r.title FROM meeting_record r
             JOIN meeting_record_person mp ON mp.meeting_record_id = r.id
            WHERE mp.person_id = $1 ORDER BY r.held_on`,
        ),
        cooperationRequests: await q(
          `SELECT c.requested_on::text AS "requestedOn", o.name AS "organization", c.kind, c.answer,
                  c.answered_on::text AS "answeredOn", c.note
             FROM cooperation_request c JOIN organization o ON o.id = c.organization_id
            WHERE c.person_id = $1 ORDER BY c.requested_on`,
        ),
        hostViews: hostViews.map((v) => {
          const reads = hostReads.filter((r) => r.matchId === v.matchId);
          return {
            ...v,
            shownToHost: reads.map(({ matchId: _, ...r }) => r),
          };
        }),
        accessLog: accessLog.slice(0, ACCESS_LOG_LIMIT),
        accessLogTruncated: accessLog.length > ACCESS_LOG_LIMIT,
      };
    });
    await this.audit.append([
      {
        actorUserId: viewer!.userId,
        actorRole: viewer!.role,
        action: AuditAction.DISCLOSURE,
        entityType: "Person",
        recordId: personId,
        personId,
        operation: "personDisclosure",
        requestId: how.requestId,
        clientAddress: how.clientAddress,
        detail: { format: how.format },
      },
    ]);
    return disclosure;
  }
}
