import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { today } from "@tsunagu/calendar";
import { groupIn } from "../core/loaders.js";
import { isUuid } from "../core/validators.js";
import { Consent } from "./consent.entity.js";
import { hasAnyActiveConsent } from "./consent.policy.js";
import { Person } from "./person.entity.js";
import { personPolicy, trackOf } from "./person.policy.js";

/**
 * The persons of `ids` this viewer may see (personPolicy.read, row by row), each with `track` set to their basis
 * today (an expired consent ends it without any write); null for an id that is unknown or not visible. Three
 * queries whatever the number of ids: the persons, their consents, the viewer's memberships of their 支援会議.
 */
export async function visiblePersons(
  tx: EntityManager,
  viewer: Viewer | null,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<(Person | null)[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  const persons = wanted.length
    ? await tx.getRepository(Person).find({
        where: { id: In(wanted) },
        ...(options.lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
      })
    : [];
  if (!persons.length) return ids.map(() => null);
  const consents = await tx.getRepository(Consent).findBy({ personId: In(persons.map((p) => p.id)) });
  const groups = [...new Set(persons.map((p) => p.supportMeetingGroupId).filter((g): g is string => g !== null))];
  const memberOf = new Set<string>(
    viewer && groups.length
      ? (
          await tx.query(
            'SELECT group_id AS "groupId" FROM support_meeting_member WHERE user_id = $1 AND group_id = ANY($2::uuid[])',
            [viewer.userId, groups],
          )
        ).map((r: { groupId: string }) => r.groupId)
      : [],
  );
  const on = today();
  const consentsOf = groupIn(
    persons.map((p) => p.id),
    consents,
    (c) => c.personId,
  );
  const visible = new Map<string, Person>();
  for (const [i, person] of persons.entries()) {
    const facts = { hasActiveConsent: hasAnyActiveConsent(consentsOf[i], on) };
    const member = person.supportMeetingGroupId !== null && memberOf.has(person.supportMeetingGroupId);
    if (!personPolicy.read(viewer, facts, member)) continue;
    person.track = trackOf(facts);
    visible.set(person.id, person);
  }
  return ids.map((id) => visible.get(id) ?? null);
}

/** hasAnyActiveConsent as SQL (binds `:basisToday`). */
export const activeConsentSql = (alias: string) =>
  `EXISTS (SELECT 1 FROM consent c WHERE c.person_id = ${alias}.id AND c.withdrawn_at IS NULL AND c.given_on <= :basisToday ` +
  "AND (c.expires_on IS NULL OR c.expires_on >= :basisToday))";

/**
 * personPolicy.read as SQL, for lists: persons with an active consent today, or persons of the viewer's own 支援会議.
 * Binds `:uid` (the viewer), which callers may reuse.
 */
export function whereVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  viewer: Viewer,
): SelectQueryBuilder<T> {
  return qb.andWhere(
    `(${activeConsentSql(alias)} OR ${alias}.supportMeetingGroupId IN (SELECT sm.group_id FROM support_meeting_member sm WHERE sm.user_id = :uid))`,
    { uid: viewer.userId, basisToday: today() },
  );
}

/**
 * Joins the person named by `personIdColumn` (alias `p`) and keeps the rows whose person this viewer may see (see
 * whereVisible): how other features list their rows of visible persons without touching the person table.
 */
export function joinVisiblePerson<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  personIdColumn: string,
  viewer: Viewer,
): SelectQueryBuilder<T> {
  return whereVisible(qb.innerJoin(Person, "p", `p.id = ${personIdColumn}`), "p", viewer);
}

/**
 * For rows that may name a person (`personIdColumn`, nullable): keeps those naming no one and those whose person this
 * viewer may see (personPolicy.read, as whereVisible). How a feature lists records that mention a person by
 * reference only (a 協力依頼 about someone) without reading the person table itself. Binds `:uid`, `:basisToday`.
 */
export function whereNoPersonOrVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  personIdColumn: string,
  viewer: Viewer,
): SelectQueryBuilder<T> {
  return qb.andWhere(
    `(${personIdColumn} IS NULL OR EXISTS (SELECT 1 FROM person vp WHERE vp.id = ${personIdColumn} AND (${activeConsentSql("vp")} ` +
      "OR vp.support_meeting_group_id IN (SELECT sm.group_id FROM support_meeting_member sm WHERE sm.user_id = :uid))))",
    { uid: viewer.userId, basisToday: today() },
  );
}
