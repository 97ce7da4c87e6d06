import { RESOURCE_KIND_LABELS, TARGET_GROUP_LABELS } from "@tsunagu/labels";
import { foldSpellings, normalizeSearchText } from "../search/text/normalize.js";
import { SYNONYM_TABLE, synonymWord, tableEntries, wordsMeant } from "../search/text/synonym-table.js";
import { Certificate, GroupSizePreference, HouseholdIssue, ParticipationLevel } from "../people/person.enums.js";
import { Accessibility, ParticipationRole, ResourceKind, TargetGroup } from "../resources/resource.enums.js";

/*
 * What suggestions read from the rest of a person's record (household, 手帳, age, participation level, wishes) and
 * from a listing's kind and target groups: the pure rules behind suggestion.score.ts's profile weights.
 */

/** Services someone receives, not places to go: shown apart, and never described as 「…の開催」. */
export const SERVICE_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.SERVICE_B,
  ResourceKind.HOUSING_SUPPORT,
  ResourceKind.SHELTER,
  ResourceKind.FOOD_PANTRY,
]);
export const isServiceKind = (kind: ResourceKind) => SERVICE_KINDS.has(kind);

/**
 * Target groups that name a situation one qualifies for (生活困窮, 障害, 難病, 妊産婦, 介護者). A listing naming one is
 * aimed at people in it: sharing only a broad group with it (子ども・子育て on a food pantry for 生活困窮 families) is
 * no fit for someone not recorded in that situation.
 */
const QUALIFYING: ReadonlySet<TargetGroup> = new Set([
  TargetGroup.LOW_INCOME,
  TargetGroup.DISABILITY_PHYSICAL,
  TargetGroup.DISABILITY_INTELLECTUAL,
  TargetGroup.DISABILITY_MENTAL,
  TargetGroup.INTRACTABLE_DISEASE,
  TargetGroup.PREGNANT,
  TargetGroup.CAREGIVER,
]);
/** A situation that is one stage of a broader group: a listing naming both is for either. */
const STAGE_OF: Partial<Record<TargetGroup, TargetGroup>> = {
  [TargetGroup.PREGNANT]: TargetGroup.CHILD_REARING,
};
/** Groups anyone of an age or family stage is in: sharing only these with a listing is a weaker sign. */
const BROAD: ReadonlySet<TargetGroup> = new Set([
  TargetGroup.ELDERLY,
  TargetGroup.CHILDREN,
  TargetGroup.CHILD_REARING,
  TargetGroup.YOUTH,
  TargetGroup.ALL_RESIDENTS,
]);

/**
 * The kinds of place made for a group (通いの場 for 高齢者, 子育てひろば for 子育て中の親, 居場所 for ひきこもり):
 * sharing the group with such a place is the whole fit; with a place that is only open to the group (a craft circle
 * older people attend), TYPICAL_KIND_SHARE less.
 */
const ELDERLY_PLACES = [ResourceKind.KAYOI_NO_BA, ResourceKind.SALON, ResourceKind.KAIGO_YOBO_GROUP];
const PARENT_PLACES = [ResourceKind.KOSODATE_HIROBA, ResourceKind.KOSODATE_CIRCLE];
const YOUNG_PLACES = [ResourceKind.IBASHO];
const DISABILITY_PLACES = [ResourceKind.CHIKATSU_I, ResourceKind.CHIKATSU_II, ResourceKind.CHIKATSU_III];
const PLACES_MADE_FOR: Partial<Record<TargetGroup, readonly ResourceKind[]>> = {
  ELDERLY: ELDERLY_PLACES,
  SINGLE_ELDERLY: ELDERLY_PLACES,
  CHILD_REARING: PARENT_PLACES,
  PREGNANT: PARENT_PLACES,
  CHILDREN: [ResourceKind.KODOMO_SHOKUDO, ResourceKind.YOUTH_LEADER],
  HIKIKOMORI: YOUNG_PLACES,
  YOUTH: YOUNG_PLACES,
  FUTOKO: YOUNG_PLACES,
  DISABILITY_PHYSICAL: DISABILITY_PLACES,
  DISABILITY_INTELLECTUAL: DISABILITY_PLACES,
  DISABILITY_MENTAL: DISABILITY_PLACES,
  CAREGIVER: [ResourceKind.SELF_HELP_GROUP],
  LOW_INCOME: [ResourceKind.FOOD_PANTRY],
};
export const TYPICAL_KIND_SHARE = 0.75;

/** 1 when the listing is a kind of place made for one of these groups (or none has such kinds), else less. */
export function madeForShare(groups: readonly TargetGroup[], kind: ResourceKind): number {
  const known = groups.filter((g) => PLACES_MADE_FOR[g]);
  return !known.length || known.some((g) => PLACES_MADE_FOR[g]!.includes(kind)) ? 1 : TYPICAL_KIND_SHARE;
}

export const isBroadGroup = (group: TargetGroup) => BROAD.has(group) || group === TargetGroup.SINGLE_ELDERLY;

/** Kinds run for older residents whatever their target groups say (介護予防, サロン, シルバー人材). */
const ELDERLY_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.KAYOI_NO_BA,
  ResourceKind.SALON,
  ResourceKind.KAIGO_YOBO_GROUP,
  ResourceKind.SILVER_JINZAI,
]);
/** Kinds through which one helps others: their target groups say who may help, not who is helped. */
const GIVING_KINDS: ReadonlySet<ResourceKind> = new Set([ResourceKind.VOLUNTEER, ResourceKind.SUPPORTER_ROLE]);
export const isGivingKind = (kind: ResourceKind) => GIVING_KINDS.has(kind);

/** Kinds for adults who support others or work: not for a minor. */
const ADULT_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.SUPPORTER_ROLE,
  ResourceKind.SILVER_JINZAI,
  ResourceKind.EMPLOYMENT_HOST,
]);
const WORK_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.SHURO_TAIKEN,
  ResourceKind.SHURO_JUNBI,
  ResourceKind.EMPLOYMENT_HOST,
  ResourceKind.HOME_BASED_WORK,
  ResourceKind.SILVER_JINZAI,
]);
/** Kinds one can drop in to without a booking or a commitment. */
const DROP_IN_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.IBASHO,
  ResourceKind.COMMUNITY_CAFE,
  ResourceKind.SALON,
  ResourceKind.KOSODATE_HIROBA,
  ResourceKind.DROP_IN_EVENT,
  ResourceKind.CHIKATSU_III,
]);

const CERTIFICATE_GROUP: Record<Certificate, TargetGroup> = {
  PHYSICAL: TargetGroup.DISABILITY_PHYSICAL,
  INTELLECTUAL: TargetGroup.DISABILITY_INTELLECTUAL,
  MENTAL: TargetGroup.DISABILITY_MENTAL,
};
const CERTIFICATE_TEXT: Record<Certificate, string> = {
  PHYSICAL: "身体障害者手帳",
  INTELLECTUAL: "療育手帳",
  MENTAL: "精神障害者保健福祉手帳",
};

/** The target group a household issue puts the person in. */
const ISSUE_GROUP: Partial<Record<HouseholdIssue, TargetGroup>> = {
  CARE_BURDEN: TargetGroup.CAREGIVER,
  DOUBLE_CARE: TargetGroup.CAREGIVER,
  ISOLATED_PARENTING: TargetGroup.CHILD_REARING,
  POVERTY: TargetGroup.LOW_INCOME,
  HOUSING: TargetGroup.LOW_INCOME,
};

export const HOUSEHOLD_ISSUE_TEXT: Record<HouseholdIssue, string> = {
  EIGHTY_FIFTY: "8050",
  DOUBLE_CARE: "ダブルケア",
  ISOLATED_PARENTING: "子育て家庭の孤立",
  CARE_BURDEN: "介護負担",
  POVERTY: "生活困窮",
  HOUSING: "住まいの課題",
};

/** What addresses each household issue: kinds, target groups, or words in the listing's name or activities. */
const ISSUE_HELPERS: Record<HouseholdIssue, { kinds: ResourceKind[]; groups: TargetGroup[]; words: string[] }> = {
  // Care of an older relative: 介護者のつどい, not every 家族会 (those are for families of people with a mental illness
  // or in ひきこもり, which 8050 names); the 介護者・家族 group alone does not tell them apart, the words do.
  CARE_BURDEN: {
    kinds: [],
    groups: [],
    words: ["介護", "ケアラー"],
  },
  DOUBLE_CARE: {
    kinds: [ResourceKind.KOSODATE_HIROBA],
    groups: [],
    words: ["介護", "ケアラー"],
  },
  EIGHTY_FIFTY: {
    kinds: [],
    groups: [TargetGroup.HIKIKOMORI, TargetGroup.CAREGIVER],
    words: ["ひきこもり", "家族会"],
  },
  ISOLATED_PARENTING: {
    kinds: [ResourceKind.KOSODATE_HIROBA, ResourceKind.KOSODATE_CIRCLE],
    groups: [TargetGroup.PREGNANT],
    words: ["子育てひろば", "親子"],
  },
  POVERTY: {
    kinds: [ResourceKind.FOOD_PANTRY, ResourceKind.KODOMO_SHOKUDO],
    groups: [TargetGroup.LOW_INCOME],
    // A 相談会 is where a household short of money starts (くらしの困りごと, 自立相談支援).
    words: ["フードバンク", "食料", "相談会"],
  },
  HOUSING: { kinds: [ResourceKind.HOUSING_SUPPORT, ResourceKind.SHELTER], groups: [], words: ["住まい", "居住"] },
};

const toHiragana = (text: string) =>
  text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * Search's normalisation (width, case, spelling variants: 子供/こども → 子ども), then katakana as hiragana and spaces
 * dropped: enough to find a short word in a free-text wish or a listing's activities.
 */
export function foldText(text: string): string {
  return foldSpellings(toHiragana(normalizeSearchText(text))).replace(/\s+/g, "");
}

export interface ProfileFacts {
  targetGroups: readonly TargetGroup[];
  householdIssues?: readonly HouseholdIssue[];
  certificates?: readonly Certificate[];
  participationLevel?: ParticipationLevel | null;
  groupSize?: GroupSizePreference;
  wishes?: string;
  strengths?: string;
}

export interface ListingFacts {
  kind: ResourceKind;
  targetGroups: readonly TargetGroup[];
  activities: readonly string[];
  name?: string;
  description?: string;
  capacity?: number | null;
  accessibility: readonly Accessibility[];
  rolesOffered: readonly ParticipationRole[];
  visitAllowed: boolean;
  trialAllowed: boolean;
  homeBased: boolean;
  visiting: boolean;
  eligibility: { ageMin: number | null; ageMax: number | null };
}

/**
 * The groups the person is in: those named, plus what the record says elsewhere (a household issue, a 手帳, an age).
 * `ages` is [youngest, oldest] possible age, or null.
 */
export function personGroups(person: ProfileFacts, ages: [number, number] | null): Set<TargetGroup> {
  const groups = new Set(person.targetGroups);
  for (const issue of person.householdIssues ?? []) {
    const group = ISSUE_GROUP[issue];
    if (group) groups.add(group);
  }
  for (const c of person.certificates ?? []) groups.add(CERTIFICATE_GROUP[c]);
  if (ages) {
    if (ages[0] >= 65) groups.add(TargetGroup.ELDERLY);
    if (ages[1] <= 17) groups.add(TargetGroup.CHILDREN);
    if (ages[0] >= 15 && ages[1] <= 39) groups.add(TargetGroup.YOUTH);
  }
  return groups;
}

export type TargetFit =
  /** `unconfirmed`: a group the person may be in, the record does not say (単身高齢者 for a 高齢者). */
  | { kind: "shared"; groups: TargetGroup[]; unconfirmed?: boolean }
  | { kind: "everyone" }
  | { kind: "none" }
  /** Aimed at people in a situation, or of an age, this person is known not to be in. */
  | { kind: "other"; text: string };

const ageText = (ages: [number, number]) => (ages[0] === ages[1] ? `${ages[0]}歳` : `${ages[0]}〜${ages[1]}歳`);

/**
 * Both directions: the person must be in a group the listing is for, and the listing must not be aimed at a situation
 * the person is not in. 全市民 counts only when the listing is really for everyone: an age limit or a kind run for
 * older residents says otherwise for a younger person.
 */
export function targetFit(groups: ReadonlySet<TargetGroup>, listing: ListingFacts, ages: [number, number] | null) {
  const named = listing.targetGroups.filter((g) => g !== TargetGroup.ALL_RESIDENTS);
  const shared: TargetGroup[] = named.filter((g) => groups.has(g));
  // A situation counts as the listing's aim unless the person shares the broader group it belongs to (妊産婦 next to
  // 子ども・子育て on a 子育てひろば is 「妊娠中の方も」, not 「妊産婦のみ」).
  const qualifying = named.filter((g) => QUALIFYING.has(g) && !(STAGE_OF[g] && shared.includes(STAGE_OF[g])));
  const sharesSituation = shared.some((g) => !BROAD.has(g));
  const young = ages !== null && ages[1] < 50;
  const minor = ages !== null && ages[1] < 18;
  // A listing that also names 全市民 is open to everyone, its situations say whom it has especially in mind (a 子ども
  // 食堂 for 全市民・子ども・生活困窮 welcomes any child); only one naming none of 全市民 is aimed at them.
  const openToAll = listing.targetGroups.includes(TargetGroup.ALL_RESIDENTS);
  if (groups.size && qualifying.length && !openToAll && !sharesSituation && !qualifying.some((g) => groups.has(g))) {
    const labels = qualifying.map((g) => TARGET_GROUP_LABELS[g]).join("・");
    return { kind: "other", text: `${labels}の人が対象 (本人は該当なし)` } satisfies TargetFit;
  }
  if (listing.targetGroups.includes(TargetGroup.CAREGIVER) && !groups.has(TargetGroup.CAREGIVER) && groups.size) {
    return { kind: "other", text: `${TARGET_GROUP_LABELS.CAREGIVER}が対象 (本人は該当なし)` } satisfies TargetFit;
  }
  const elderlyOnly =
    named.length > 0 && named.every((g) => g === TargetGroup.ELDERLY || g === TargetGroup.SINGLE_ELDERLY);
  if (ages && young && (elderlyOnly || (ELDERLY_KINDS.has(listing.kind) && !shared.length))) {
    return { kind: "other", text: `高齢者向け (本人は${ageText(ages)})` } satisfies TargetFit;
  }
  // The other way round: a place only for families with small children is not an older person's (grandparents come
  // with a family, not on their own record).
  const familyOnly =
    named.length > 0 &&
    named.every((g) => g === TargetGroup.CHILD_REARING || g === TargetGroup.PREGNANT || g === TargetGroup.CHILDREN);
  if (ages && ages[0] >= 60 && familyOnly && !shared.length) {
    return { kind: "other", text: `子育て家庭向け (本人は${ageText(ages)})` } satisfies TargetFit;
  }
  if (ages && minor && ADULT_KINDS.has(listing.kind)) {
    return {
      kind: "other",
      text: `大人向けの${RESOURCE_KIND_LABELS[listing.kind]} (本人は${ageText(ages)})`,
    } satisfies TargetFit;
  }
  if (shared.length) return { kind: "shared", groups: shared } satisfies TargetFit;
  // 単身高齢者 for an older person whose household is not recorded: they may well live alone.
  if (named.includes(TargetGroup.SINGLE_ELDERLY) && groups.has(TargetGroup.ELDERLY) && !openToAll)
    return { kind: "shared", groups: [TargetGroup.SINGLE_ELDERLY], unconfirmed: true } satisfies TargetFit;
  const forEveryone =
    listing.targetGroups.includes(TargetGroup.ALL_RESIDENTS) &&
    !(young && (ELDERLY_KINDS.has(listing.kind) || (listing.eligibility.ageMin ?? 0) >= 40));
  return (forEveryone ? { kind: "everyone" } : { kind: "none" }) satisfies TargetFit;
}

/** A 手帳 that opens a 手帳等が必要 listing: one matching a disability group it names, or any when it names none. */
export function certificateOpens(certificates: readonly Certificate[], listing: Pick<ListingFacts, "targetGroups">) {
  const wanted = (Object.keys(CERTIFICATE_GROUP) as Certificate[]).filter((c) =>
    listing.targetGroups.includes(CERTIFICATE_GROUP[c]),
  );
  const held = certificates.filter((c) => !wanted.length || wanted.includes(c));
  return held.length ? CERTIFICATE_TEXT[held[0]] : null;
}

/** The kinds and target groups that address these household issues: extra candidate queries. */
export function householdHelpers(issues: readonly HouseholdIssue[]) {
  return {
    kinds: [...new Set(issues.flatMap((i) => ISSUE_HELPERS[i].kinds))],
    groups: [...new Set(issues.flatMap((i) => ISSUE_HELPERS[i].groups))],
  };
}

/** Kinds a work-ready person is looking for. */
export const workKinds = (level: ParticipationLevel | null | undefined) =>
  level && WORK_READY.has(level) ? [...WORK_KINDS] : [];

/**
 * How far this listing addresses each household issue: fully by what it is (its kind, or the issue's words in its
 * name or activities: 子ども食堂 for 生活困窮, 介護者のつどい for 介護負担), by half when it is only open to the group
 * the issue puts people in (a 就労準備 for 生活困窮 is not what a family short of food needs first). A service meets
 * an issue only by what it is: a 居住支援 for 生活困窮 households does not answer every 生活困窮 household's need.
 */
export function householdShares(
  issues: readonly HouseholdIssue[],
  listing: ListingFacts,
  groups?: ReadonlySet<TargetGroup>,
): { issue: HouseholdIssue; share: number }[] {
  const text = foldText([listing.name ?? "", ...listing.activities].join(" "));
  // A place for families (子ども食堂, 子育てひろば) answers a household's issue when there is a child in it; `groups`
  // (personGroups) says so, and when it is not given the benefit of the doubt goes to the listing.
  const withChild = !groups || groups.has(TargetGroup.CHILDREN) || groups.has(TargetGroup.CHILD_REARING);
  return issues.flatMap((issue) => {
    const helps = ISSUE_HELPERS[issue];
    const byKind = helps.kinds.includes(listing.kind) && (withChild || !FAMILY_KINDS.has(listing.kind));
    if (byKind || helps.words.some((w) => text.includes(foldText(w)))) return [{ issue, share: 1 }];
    if (!isServiceKind(listing.kind) && helps.groups.some((g) => listing.targetGroups.includes(g)))
      return [{ issue, share: HOUSEHOLD_BY_GROUP_SHARE }];
    return [];
  });
}
const HOUSEHOLD_BY_GROUP_SHARE = 0.5;
const FAMILY_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.KODOMO_SHOKUDO,
  ResourceKind.KOSODATE_HIROBA,
  ResourceKind.KOSODATE_CIRCLE,
]);

/** The household issues this listing addresses at all (householdShares). */
export function householdFit(issues: readonly HouseholdIssue[], listing: ListingFacts): HouseholdIssue[] {
  return householdShares(issues, listing).map((h) => h.issue);
}

/** Someone with no contact yet, or only with a supporter: small, low-threshold places first. */
const EARLY: ReadonlySet<ParticipationLevel> = new Set([
  ParticipationLevel.NO_CONTACT,
  ParticipationLevel.SUPPORTER_CONTACT,
  ParticipationLevel.GOES_OUT,
]);
/** Not yet going out: no contact, or only with a supporter. */
const NOT_YET_OUT: ReadonlySet<ParticipationLevel> = new Set([
  ParticipationLevel.NO_CONTACT,
  ParticipationLevel.SUPPORTER_CONTACT,
]);
const WORK_READY: ReadonlySet<ParticipationLevel> = new Set([
  ParticipationLevel.WORK_TRIAL,
  ParticipationLevel.EMPLOYED,
]);
/** 定員 at or below this is a small group; 3 or fewer is close to one-to-one. */
const SMALL_CAPACITY = 10;
const ONE_ON_ONE_CAPACITY = 3;

/** Places of work (not preparation for it, nor work done at home): a later step for someone not yet going out. */
const WORKPLACE_KINDS: ReadonlySet<ResourceKind> = new Set([
  ResourceKind.SHURO_TAIKEN,
  ResourceKind.EMPLOYMENT_HOST,
  ResourceKind.SILVER_JINZAI,
]);

/** The record asks for work: a work kind or role wanted, or a level at which the person works or tries to. */
export function wantsWork(person: {
  participationLevel?: ParticipationLevel | null;
  wantedKinds: readonly ResourceKind[];
  roles: readonly ParticipationRole[];
}): boolean {
  return (
    (person.participationLevel != null && WORK_READY.has(person.participationLevel)) ||
    person.wantedKinds.some((k) => WORK_KINDS.has(k)) ||
    person.roles.includes(ParticipationRole.WORK_TRIAL) ||
    person.roles.includes(ParticipationRole.PRODUCTIVE_ACTIVITY)
  );
}

/**
 * Whether the participation level is one the listing suits: [share 0–1, what makes it so], or null if it does not
 * count. `laterStep` marks a workplace offered to someone at an early step who has not asked for work.
 */
export function participationFit(
  level: ParticipationLevel | null | undefined,
  listing: ListingFacts,
  asksForWork = false,
  asksToHelp = false,
): { share: number; text: string; laterStep?: boolean } | null {
  if (!level) return null;
  if (EARLY.has(level) && WORKPLACE_KINDS.has(listing.kind) && !asksForWork) {
    return { share: 0, text: "就労の場 (本人はまだはじめの一歩の段階)", laterStep: true };
  }
  // Helping others is a later step too for someone not yet in touch with anyone (unless they asked to help).
  if (NOT_YET_OUT.has(level) && GIVING_KINDS.has(listing.kind) && !asksToHelp) {
    return { share: 0, text: "担い手の活動 (本人はまだはじめの一歩の段階)", laterStep: true };
  }
  // For someone with no contact yet, something to do at home is the first step itself.
  if (level === ParticipationLevel.NO_CONTACT && listing.homeBased)
    return { share: 1, text: "はじめの一歩に向く: 自宅でできる" };
  if (EARLY.has(level)) {
    const signs = [
      ...(listing.visitAllowed || listing.trialAllowed ? ["見学・体験できる"] : []),
      ...(DROP_IN_KINDS.has(listing.kind) || listing.accessibility.includes(Accessibility.NO_RESERVATION)
        ? ["予約なしで行ける"]
        : []),
      ...((listing.capacity != null && listing.capacity <= SMALL_CAPACITY) || listing.homeBased || listing.visiting
        ? ["少人数"]
        : []),
    ];
    return { share: signs.length / 3, text: `はじめの一歩に向く: ${signs.join("・")}` };
  }
  if (WORK_READY.has(level)) {
    const work =
      WORK_KINDS.has(listing.kind) ||
      listing.rolesOffered.includes(ParticipationRole.WORK_TRIAL) ||
      listing.rolesOffered.includes(ParticipationRole.PRODUCTIVE_ACTIVITY);
    return { share: work ? 1 : 0, text: "就労に向けた段階に合う" };
  }
  return null;
}

/** Whether the listing is the size the person prefers; null when they do not mind (or the size is unknown). */
export function groupSizeFit(preference: GroupSizePreference | undefined, listing: ListingFacts) {
  if (!preference || preference === GroupSizePreference.ANY) return null;
  // What one does at home is done alone or with one visitor: it suits both preferences.
  if (listing.homeBased) return { ok: true, text: "自宅でひとりで" };
  if (preference === GroupSizePreference.ONE_ON_ONE) {
    const ok = listing.visiting || (listing.capacity != null && listing.capacity <= ONE_ON_ONE_CAPACITY);
    return { ok, text: "1対1に近い" };
  }
  const ok = listing.visiting || (listing.capacity != null && listing.capacity <= SMALL_CAPACITY);
  return { ok, text: "少人数" };
}

/**
 * Words a wish is about: runs of kanji or katakana (料理, 軽作業, パソコン) — Japanese writes its content words so and its
 * grammar in hiragana — less the words any wish has. Enough to look them up in a description without a tokenizer.
 */
const CONTENT_WORD = /[\p{Script=Han}\p{Script=Katakana}ー]{2,}/gu;
const WISH_STOP_WORDS = new Set([
  "得意",
  "苦手",
  "希望",
  "自分",
  "本人",
  "参加",
  "活動",
  "場所",
  "一緒",
  "少し",
  "人間",
  "以前",
  "時間",
  "一人",
  "外出",
]);
/** The synonyms table's words, looked up in wishes as written. */
const TABLE_WORDS = [...new Set(tableEntries(SYNONYM_TABLE).map(synonymWord))].map((w) => ({ w, folded: foldText(w) }));

/**
 * Phrases of a wish or strength, as people say them, and the activities they mean. Reviewed by hand, like the
 * synonyms table (which holds single words that search also uses); these are phrases search has no use for.
 */
export const WISH_PHRASES: readonly (readonly [phrase: string, activities: readonly string[]])[] = [
  ["話を聞く", ["傾聴"]],
  ["体を動かす", ["体操", "ボッチャ", "ウォーキング", "スポーツ"]],
  ["土に触れ", ["農作業", "花壇の手入れ"]],
];

export const wishWords = (text: string) =>
  [...new Set(text.normalize("NFKC").match(CONTENT_WORD) ?? [])].filter((w) => !WISH_STOP_WORDS.has(w));

/**
 * What the person's wishes or strengths have in common with the listing: its activities (and kind) they mention, then
 * their words found in its name or description.
 */
export function wishFit(person: ProfileFacts, listing: ListingFacts): string[] {
  const text = `${person.wishes ?? ""} ${person.strengths ?? ""}`;
  const said = foldText(text);
  if (!said) return [];
  const words = wishWords(text);
  // Its activities the wish names, or names by a word the synonyms table takes for them (畑仕事 → 農作業,
  // 話を聞く → 傾聴): the table's words are looked up in the wish as written.
  const meant = [
    ...TABLE_WORDS.filter(({ folded }) => said.includes(folded)).flatMap(({ w }) => wordsMeant(w).slice(1)),
    ...WISH_PHRASES.filter(([phrase]) => said.includes(foldText(phrase))).flatMap(([, activities]) => activities),
  ];
  const named = [...listing.activities, RESOURCE_KIND_LABELS[listing.kind]].filter((w) => {
    const a = foldText(w);
    return a.length >= 2 && (said.includes(a) || meant.some((m) => a.includes(foldText(m))));
  });
  const about = foldText(`${listing.name ?? ""} ${listing.description ?? ""}`);
  const described = words.filter(
    (w) => about.includes(foldText(w)) && !named.some((n) => foldText(n).includes(foldText(w))),
  );
  return [...new Set([...named, ...described])];
}

export const hasWishText = (person: ProfileFacts) =>
  Boolean((person.wishes ?? "").trim() || (person.strengths ?? "").trim());
