import { In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { AGE_BAND_LABELS } from "@tsunagu/labels";
import { AreaService } from "../areas/area.service.js";
import { AuthService } from "../auth/auth.service.js";
import type { Viewer } from "../core/viewer.js";
import { today } from "@tsunagu/calendar";
import { DomainError, badInput, conflict, forbidden, notFound } from "../core/errors.js";
import { decodeCursor, toConnection, type Connection } from "../core/pagination.js";
import { escapeLike } from "../core/sql.js";
import { isUuid } from "../core/validators.js";
import { OrganizationService } from "../organizations/organization.service.js";
import { normalizeReading } from "../readings/reading.js";
import { readingOrSuggestion } from "../readings/reading.service.js";
import { Consent } from "./consent.entity.js";
import { ConsentPurpose } from "./consent.enums.js";
import { hasAnyActiveConsent } from "./consent.policy.js";
import type { RecordConsentFields, RecordConsentInput, WithdrawConsentInput } from "./consent.inputs.js";
import { EMPTY_NEEDS } from "./needs-profile.js";
import { Person } from "./person.entity.js";
import { AGE_BAND_RANGE, AgeBand, PersonTrack, type ParticipationLevel } from "./person.enums.js";
import type { CreatePersonInput, UpdatePersonInput } from "./person.inputs.js";
import type { PersonListArgs } from "./person.list-args.js";
import { personPolicy, trackOf } from "./person.policy.js";
import {
  activeConsentSql,
  joinVisiblePerson,
  visiblePersons,
  whereNoPersonOrVisible,
  whereVisible,
} from "./person.visibility.js";
import { supportMeetingPolicy } from "./support-meeting.policy.js";
import { SupportMeetingService } from "./support-meeting.service.js";

/** ~100 m: enough for 「自宅から1.2km」, not enough to find the door. */
const roundHome = (v: number | null | undefined) => (v == null ? v : Math.round(v * 1000) / 1000);

export function ageBandOf(birthYear: number, on: string): AgeBand {
  const age = Number(on.slice(0, 4)) - birthYear;
  return (
    (Object.entries(AGE_BAND_RANGE).find(([, [lo, hi]]) => age >= lo && age <= hi)?.[0] as AgeBand) ??
    AgeBand.AGE_75_PLUS
  );
}

/** The birthday is not recorded: someone born in `birthYear` is one of two ages on `on`. */
export function possibleAges(birthYear: number, on: string): [number, number] {
  const age = Number(on.slice(0, 4)) - birthYear;
  return [Math.max(0, age - 1), age];
}

/** Whether an age band can be true of someone born in `birthYear` (shown to hosts, so it must not contradict it). */
export function bandFitsBirthYear(band: AgeBand, birthYear: number, on: string): boolean {
  const [lo, hi] = AGE_BAND_RANGE[band];
  const [youngest, oldest] = possibleAges(birthYear, on);
  return lo <= oldest && hi >= youngest;
}

const PLAIN_FIELDS = [
  "birthYear",
  "ageBand",
  "areaId",
  "contactPreference",
  "contactNote",
  "householdNote",
  "householdIssues",
  "householdCircumstances",
  "participationLevel",
  "coordinatorId",
] as const;

export class PersonService {
  constructor(private readonly db: DataSource) {}

  /*
   * For other features, inside their transaction: they never query the person tables themselves. These do no access
   * check: the caller has already passed one (getVisible, whereVisible) for the persons it names.
   */

  static byIds(tx: EntityManager, ids: string[]): Promise<Person[]> {
    return ids.length ? tx.getRepository(Person).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  static consentsFor(tx: EntityManager, personIds: string[]): Promise<Consent[]> {
    return personIds.length ? tx.getRepository(Consent).findBy({ personId: In(personIds) }) : Promise.resolve([]);
  }

  /** The ladder level a follow-up contact or an outcome evaluation observed. */
  static async setParticipationLevel(tx: EntityManager, personId: string, level: ParticipationLevel): Promise<void> {
    await tx.getRepository(Person).update(personId, { participationLevel: level });
  }

  /**
   * The person if this viewer may see them; NOT_FOUND otherwise (existence itself is private). `track` is set to the
   * person's basis today (an expired consent ends it without any write).
   */
  async getVisible(
    viewer: Viewer | null,
    id: string,
    { tx = this.db.manager, lock = false }: { tx?: EntityManager; lock?: boolean } = {},
  ): Promise<Person> {
    const [person] = await visiblePersons(tx, viewer, [id], { lock });
    if (!person) throw notFound("本人");
    return person;
  }

  /** Which of `ids` this viewer may see (one batch; see visiblePersons), for records that name persons by reference. */
  async visibleIds(viewer: Viewer | null, ids: string[], tx: EntityManager = this.db.manager): Promise<Set<string>> {
    const persons = await visiblePersons(tx, viewer, ids);
    return new Set(persons.filter((p): p is Person => p !== null).map((p) => p.id));
  }

  async isMember(viewer: Viewer | null, groupId: string | null, tx: EntityManager = this.db.manager): Promise<boolean> {
    if (!viewer || !groupId) return false;
    const rows = await tx.query("SELECT 1 FROM support_meeting_member WHERE group_id = $1 AND user_id = $2", [
      groupId,
      viewer.userId,
    ]);
    return rows.length > 0;
  }

  /** personPolicy.read as SQL, for lists (see person.visibility.ts). */
  whereVisible<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    viewer: Viewer,
  ): SelectQueryBuilder<T> {
    return whereVisible(qb, alias, viewer);
  }

  /**
   * Joins the person named by `personIdColumn` (alias `p`) and keeps the rows whose person this viewer may see (see
   * whereVisible).
   */
  joinVisible<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    personIdColumn: string,
    viewer: Viewer,
  ): SelectQueryBuilder<T> {
    return joinVisiblePerson(qb, personIdColumn, viewer);
  }

  /** Rows naming no person, or a person this viewer may see (see person.visibility.ts). */
  whereNoPersonOrVisible<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    personIdColumn: string,
    viewer: Viewer,
  ): SelectQueryBuilder<T> {
    return whereNoPersonOrVisible(qb, personIdColumn, viewer);
  }

  /** Sets each person's `track` to their basis today (one query for the page). */
  private async withTracks(persons: Person[]): Promise<Person[]> {
    if (!persons.length) return persons;
    const rows: { personId: string }[] = await this.db.query(
      `SELECT DISTINCT person_id AS "personId" FROM consent
        WHERE person_id = ANY($1::uuid[]) AND withdrawn_at IS NULL AND given_on <= $2 AND (expires_on IS NULL OR expires_on >= $2)`,
      [persons.map((p) => p.id), today()],
    );
    const consented = new Set(rows.map((r) => r.personId));
    for (const p of persons) p.track = trackOf({ hasActiveConsent: consented.has(p.id) });
    return persons;
  }

  /** 本人一覧: only the persons this viewer may see, あいうえお順 with a keyset cursor. */
  async list(viewer: Viewer | null, args: PersonListArgs): Promise<Connection<Person>> {
    if (!personPolicy.create(viewer)) throw forbidden();
    const qb = this.whereVisible(this.db.getRepository(Person).createQueryBuilder("p"), "p", viewer!);
    if (args.mine) qb.andWhere("p.coordinatorId = :uid");
    if (args.track)
      qb.andWhere(args.track === PersonTrack.CONSENTED ? activeConsentSql("p") : `NOT ${activeConsentSql("p")}`, {
        basisToday: today(),
      });
    if (args.areaId) qb.andWhere("p.areaId = :areaId", { areaId: args.areaId });
    const text = args.text?.trim();
    if (text) {
      qb.andWhere("(p.displayName ILIKE :t OR p.readingKey ILIKE :k)", {
        t: `%${escapeLike(text)}%`,
        k: `%${escapeLike(normalizeReading(text))}%`,
      });
    }
    const totalCount = await qb.getCount();
    if (args.after) {
      const [key, id] = decodeCursor(args.after, ["text", "uuid"]);
      qb.andWhere("(p.readingKey, p.id) > (:key, :id)", { key, id });
    }
    const rows = await qb
      .orderBy("p.readingKey", "ASC")
      .addOrderBy("p.id", "ASC")
      .take(args.first + 1)
      .getMany();
    return toConnection(await this.withTracks(rows), args.first, totalCount, (p) => [p.readingKey, p.id]);
  }

  /**
   * Registers a person. Either the person consented (the consent is recorded with them) or they are taken up by a
   * 支援会議 whose members then are the only ones who see them: there is no third way to hold someone's data.
   */
  async create(viewer: Viewer | null, input: CreatePersonInput): Promise<Person> {
    if (!personPolicy.create(viewer)) throw forbidden();
    if (!input.consent === !input.supportMeetingGroupId) {
      throw badInput("input.consent", "本人同意を記録するか、支援会議を指定してください (どちらか一方)");
    }
    // The consent is the person's basis from the start: one that has already run out would leave them seen by no one.
    if (input.consent?.expiresOn && input.consent.expiresOn < today()) {
      throw badInput(
        "input.consent.expiresOn",
        "有効期限が過ぎた同意では登録できません。今有効な同意を記録してください",
      );
    }
    const nameKana = await readingOrSuggestion(input.displayName, input.nameKana);
    return this.db.transaction(async (tx) => {
      if (input.supportMeetingGroupId) {
        const group = await SupportMeetingService.find(tx, input.supportMeetingGroupId);
        if (!group) throw badInput("input.supportMeetingGroupId", "支援会議が見つかりません");
        if (!supportMeetingPolicy.acceptsPersons(group)) {
          throw badInput("input.supportMeetingGroupId", "アーカイブ済みの支援会議には新しい本人を登録できません");
        }
        if (!(await this.isMember(viewer, input.supportMeetingGroupId, tx))) {
          throw badInput("input.supportMeetingGroupId", "構成員になっていない支援会議には登録できません");
        }
      }
      const repo = tx.getRepository(Person);
      const person = repo.create({
        displayName: input.displayName.trim(),
        nameKana,
        readingKey: normalizeReading(nameKana),
        birthYear: null,
        ageBand: null,
        areaId: null,
        homeLat: null,
        homeLng: null,
        contactPreference: null,
        contactNote: "",
        householdNote: "",
        householdIssues: [],
        householdCircumstances: [],
        certificates: [],
        needs: { ...EMPTY_NEEDS },
        track: input.consent ? PersonTrack.CONSENTED : PersonTrack.SUPPORT_MEETING,
        supportMeetingGroupId: input.supportMeetingGroupId ?? null,
        coordinatorId: personPolicy.coordinatesOnRegistering(viewer) ? viewer!.userId : null,
        registeredOn: input.registeredOn ?? today(),
      });
      await this.apply(tx, person, input);
      const saved = await repo.save(person);
      if (input.consent) await this.insertConsent(tx, viewer!, saved.id, input.consent, "input.consent");
      return saved;
    });
  }

  /** `tx`: inside the caller's transaction (a 訂正 records its history in the same one: person-rights/). */
  async update(viewer: Viewer | null, input: UpdatePersonInput, outer?: EntityManager): Promise<Person> {
    const run = async (tx: EntityManager) => {
      const person = await this.getVisible(viewer, input.id, { tx, lock: true });
      if (input.expectedVersion != null && input.expectedVersion !== person.version) {
        throw conflict("この本人の情報は他の人が先に更新しました。画面を読み込み直してください");
      }
      if (input.displayName !== undefined) person.displayName = input.displayName.trim();
      if (input.nameKana !== undefined || input.displayName !== undefined) {
        person.nameKana =
          input.nameKana === undefined
            ? person.nameKana
            : await readingOrSuggestion(person.displayName, input.nameKana);
        person.readingKey = normalizeReading(person.nameKana);
      }
      await this.apply(tx, person, input);
      return tx.getRepository(Person).save(person);
    };
    return outer ? run(outer) : this.db.transaction(run);
  }

  async recordConsent(viewer: Viewer | null, input: RecordConsentInput): Promise<Consent> {
    return this.db.transaction(async (tx) => {
      const person = await this.getVisible(viewer, input.personId, { tx, lock: true });
      const consent = await this.insertConsent(tx, viewer!, person.id, input, "input");
      await this.refreshTrack(tx, person.id);
      return consent;
    });
  }

  /**
   * 同意の撤回: effective at once (hosts' views read consents on every request). The record stays. Without another
   * active consent the person is back on the 支援会議 track: only their meeting's members (if any) still see them.
   */
  async withdrawConsent(viewer: Viewer | null, input: WithdrawConsentInput): Promise<Consent> {
    return this.db.transaction(async (tx) => {
      const consent = isUuid(input.consentId)
        ? await tx
            .getRepository(Consent)
            .findOne({ where: { id: input.consentId }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!consent) throw notFound("同意の記録");
      await this.getVisible(viewer, consent.personId, { tx, lock: true });
      if (consent.withdrawnAt) throw conflict("この同意はすでに撤回されています");
      Object.assign(consent, {
        withdrawnAt: new Date(),
        withdrawnById: viewer!.userId,
        withdrawalReason: input.reason.trim(),
      });
      const saved = await tx.getRepository(Consent).save(consent);
      await this.refreshTrack(tx, consent.personId);
      return saved;
    });
  }

  /** Stores the person's basis after a consent was given or withdrawn (visibility itself is always computed live). */
  private async refreshTrack(tx: EntityManager, personId: string): Promise<void> {
    const track = trackOf({
      hasActiveConsent: hasAnyActiveConsent(await tx.getRepository(Consent).findBy({ personId }), today()),
    });
    await tx.getRepository(Person).update({ id: personId }, { track });
  }

  private async insertConsent(
    tx: EntityManager,
    viewer: Viewer,
    personId: string,
    c: RecordConsentFields,
    prefix: string,
  ): Promise<Consent> {
    if (c.expiresOn && c.expiresOn < c.givenOn)
      throw badInput(`${prefix}.expiresOn`, "有効期限は同意日より後にしてください");
    if (c.organizationId) {
      if (c.purpose !== ConsentPurpose.HOST_REFERRAL)
        throw badInput(`${prefix}.organizationId`, "団体を指定できるのは受け入れ先への紹介の同意だけです");
      if (!(await OrganizationService.exists(tx, c.organizationId)))
        throw badInput(`${prefix}.organizationId`, "団体が見つかりません");
    }
    const repo = tx.getRepository(Consent);
    return repo.save(
      repo.create({
        personId,
        purpose: c.purpose,
        organizationId: c.organizationId ?? null,
        facts: [...new Set(c.facts)],
        method: c.method,
        givenOn: c.givenOn,
        expiresOn: c.expiresOn ?? null,
        note: c.note.trim(),
        recordedById: viewer.userId,
        withdrawnAt: null,
        withdrawnById: null,
        withdrawalReason: null,
      }),
    );
  }

  private async apply(tx: EntityManager, person: Person, input: CreatePersonInput | UpdatePersonInput): Promise<void> {
    const target = person as unknown as Record<string, unknown>;
    for (const key of PLAIN_FIELDS) if (input[key] !== undefined) target[key] = input[key];
    if (input.certificates !== undefined) person.certificates = [...new Set(input.certificates)];
    if (input.homeLat !== undefined) person.homeLat = roundHome(input.homeLat) ?? null;
    if (input.homeLng !== undefined) person.homeLng = roundHome(input.homeLng) ?? null;
    if (input.needs !== undefined) {
      const n = input.needs;
      person.needs = {
        ...n,
        maxTravelMeters: n.maxTravelMeters ?? null,
        wishes: n.wishes.trim(),
        strengths: n.strengths.trim(),
        otherPreferences: n.otherPreferences.trim(),
        wantedActivities: [...new Set(n.wantedActivities.map((a) => a.trim()).filter(Boolean))],
      };
    }
    if (input.birthYear != null && input.ageBand === undefined) person.ageBand = ageBandOf(input.birthYear, today());
    const errors = [];
    if (
      (input.birthYear !== undefined || input.ageBand !== undefined) &&
      person.birthYear != null &&
      person.ageBand != null &&
      !bandFitsBirthYear(person.ageBand, person.birthYear, today())
    ) {
      const [lo, hi] = possibleAges(person.birthYear, today());
      errors.push({
        field: input.ageBand !== undefined ? "input.ageBand" : "input.birthYear",
        messages: [
          `生まれ年 (${person.birthYear}年) と年齢層 (${AGE_BAND_LABELS[person.ageBand]}) が合いません (${lo}〜${hi}歳)`,
        ],
      });
    }
    if ((person.homeLat == null) !== (person.homeLng == null))
      errors.push({ field: "input.homeLat", messages: ["緯度と経度は両方入力してください"] });
    if (input.areaId && !(await AreaService.allExist(tx, [input.areaId])))
      errors.push({ field: "input.areaId", messages: ["地域が見つかりません"] });
    if (input.coordinatorId) {
      const [user] = await AuthService.usersByIds(tx, [input.coordinatorId]);
      if (!user || !personPolicy.mayWorkCases(user)) {
        errors.push({ field: "input.coordinatorId", messages: ["担当者にはコーディネーターを指定してください"] });
      }
    }
    if (errors.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", errors);
  }
}
