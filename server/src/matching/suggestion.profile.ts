import { RESOURCE_KIND_LABELS, TARGET_GROUP_LABELS } from "@tsunagu/labels";
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
/** Groups anyone of an age or family stage is in: sharing only these with a listing is a weaker sign. */
const BROAD: ReadonlySet<TargetGroup> = new Set([
  TargetGroup.ELDERLY,
  TargetGroup.CHILDREN,
  TargetGroup.CHILD_REARING,
  TargetGroup.YOUTH,
  TargetGroup.ALL_RESIDENTS,
]);

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
  CARE_BURDEN: {
    kinds: [],
    groups: [TargetGroup.CAREGIVER],
    words: ["介護者", "家族会", "ケアラー", "介護者のつどい"],
  },
  DOUBLE_CARE: {
    kinds: [ResourceKind.KOSODATE_HIROBA],
    groups: [TargetGroup.CAREGIVER],
    words: ["介護者", "家族会", "ケアラー"],
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
    words: ["フードバンク", "食料"],
  },
  HOUSING: { kinds: [ResourceKind.HOUSING_SUPPORT, ResourceKind.SHELTER], groups: [], words: ["住まい", "居住"] },
};

/** Width, case and hiragana/katakana folded, spaces dropped: enough to find a short word in a free-text wish. */
export function foldText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, "");
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
  | { kind: "shared"; groups: TargetGroup[] }
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
  const shared = named.filter((g) => groups.has(g));
  const qualifying = named.filter((g) => QUALIFYING.has(g));
  const sharesSituation = shared.some((g) => !BROAD.has(g));
  const young = ages !== null && ages[1] < 50;
  const minor = ages !== null && ages[1] < 18;
  if (groups.size && qualifying.length && !sharesSituation && !qualifying.some((g) => groups.has(g))) {
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
  if (ages && minor && ADULT_KINDS.has(listing.kind)) {
    return {
      kind: "other",
      text: `大人向けの${RESOURCE_KIND_LABELS[listing.kind]} (本人は${ageText(ages)})`,
    } satisfies TargetFit;
  }
  if (shared.length) return { kind: "shared", groups: shared } satisfies TargetFit;
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

/** The household issues this listing addresses, with how (for the reason). */
export function householdFit(issues: readonly HouseholdIssue[], listing: ListingFacts): HouseholdIssue[] {
  const text = foldText([listing.name ?? "", ...listing.activities].join(" "));
  return issues.filter((issue) => {
    const helps = ISSUE_HELPERS[issue];
    return (
      helps.kinds.includes(listing.kind) ||
      helps.groups.some((g) => listing.targetGroups.includes(g)) ||
      helps.words.some((w) => text.includes(foldText(w)))
    );
  });
}

/** Someone with no contact yet, or only with a supporter: small, low-threshold places first. */
const EARLY: ReadonlySet<ParticipationLevel> = new Set([
  ParticipationLevel.NO_CONTACT,
  ParticipationLevel.SUPPORTER_CONTACT,
  ParticipationLevel.GOES_OUT,
]);
const WORK_READY: ReadonlySet<ParticipationLevel> = new Set([
  ParticipationLevel.WORK_TRIAL,
  ParticipationLevel.EMPLOYED,
]);
/** 定員 at or below this is a small group; 3 or fewer is close to one-to-one. */
const SMALL_CAPACITY = 10;
const ONE_ON_ONE_CAPACITY = 3;

/** Whether the participation level is one the listing suits: [share 0–1, what makes it so], or null if it does not count. */
export function participationFit(level: ParticipationLevel | null | undefined, listing: ListingFacts) {
  if (!level) return null;
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
]);
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
  const named = [...listing.activities, RESOURCE_KIND_LABELS[listing.kind]].filter(
    (w) => foldText(w).length >= 2 && said.includes(foldText(w)),
  );
  const about = foldText(`${listing.name ?? ""} ${listing.description ?? ""}`);
  const described = wishWords(text).filter(
    (w) => about.includes(foldText(w)) && !named.some((n) => foldText(n).includes(foldText(w))),
  );
  return [...new Set([...named, ...described])];
}

export const hasWishText = (person: ProfileFacts) =>
  Boolean((person.wishes ?? "").trim() || (person.strengths ?? "").trim());
