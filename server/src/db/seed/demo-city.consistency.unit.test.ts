/**
 * The demo city tells one true story per listing: its name, activities, description, target groups, ages and
 * schedule agree (the ranking learns nothing true from a 囲碁クラブ whose activities are グラウンドゴルフ・歌・俳句).
 */
import { describe, expect, it } from "vitest";
import { ResourceKind, TargetGroup } from "../../resources/resource.enums.js";
import { ScheduleFrequency } from "../../schedules/schedule.value.js";
import { DEMO_RESOURCE_COUNT, generateDemoCity, generateResources } from "./demo-city.js";
import { HOST_ACTS } from "./demo-city.orgs.js";
import { ALL_RECIPES } from "./demo-city.resources.js";

const city = generateDemoCity();
const resources = [...generateResources(city, DEMO_RESOURCE_COUNT * 3)];
const K = ResourceKind;
const ELDERLY = [TargetGroup.ELDERLY, TargetGroup.SINGLE_ELDERLY];
/** シルバー人材センター 除草作業班 (第2) → 除草作業 */
const jobOf = (name: string) => /(\S+)班/.exec(name)?.[1];

/** A word in the name → an activity the listing must have. */
const NAME_PROMISES: readonly [RegExp, string][] = [
  [/囲碁/, "囲碁・将棋"],
  [/俳句/, "俳句"],
  [/歌声/, "歌"],
  [/手芸/, "手芸"],
  [/グラウンドゴルフ/, "グラウンドゴルフ"],
  [/卓球/, "卓球"],
  [/フットサル/, "フットサル"],
  [/ボッチャ/, "ボッチャ"],
  [/ウォーキングサッカー/, "ウォーキングサッカー"],
  [/ウォーキング教室/, "ウォーキング"],
  [/ヨガ/, "ヨガ"],
  [/ストレッチ教室/, "ストレッチ"],
  [/お口/, "口腔体操"],
  [/脳いきいき/, "脳トレ"],
  [/リトミック/, "リトミック"],
  [/食堂/, "会食"],
  [/会食会|昼食会/, "会食"],
  [/訪問/, "訪問"],
  [/傾聴/, "傾聴"],
  [/花壇/, "花壇の手入れ"],
  [/配食/, "配食"],
  [/読み聞かせボランティア/, "読み聞かせ"],
  [/清掃ボランティア/, "清掃"],
  [/見守り(ボランティア|サポーター)/, "見守り"],
  [/ごみ出し/, "ごみ出し支援"],
  [/認知症/, "認知症の理解"],
  [/養成講座/, "養成講座"],
  [/料理/, "料理"],
  [/パンづくり/, "パンづくり"],
  [/相談会/, "相談"],
  [/フードパントリー|食品配布/, "食料提供"],
  [/交流/, "交流会"],
  [/家族会|家族のつどい|介護者/, "分かち合い"],
  [/百歳体操/, "百歳体操"],
];

/** Kinds one goes to every week or month: never a few loose dates. */
const REGULAR_PLACES = new Set<ResourceKind>([
  K.KAYOI_NO_BA,
  K.SALON,
  K.KAIGO_YOBO_GROUP,
  K.COMMUNITY_CAFE,
  K.IBASHO,
  K.KOSODATE_HIROBA,
  K.KOSODATE_CIRCLE,
  K.KODOMO_SHOKUDO,
  K.CHIKATSU_I,
  K.CHIKATSU_II,
  K.CHIKATSU_III,
]);
/** Services used from home or by request: described by when they take requests, not as a place that meets. */
const SERVICES = new Set<ResourceKind>([K.SERVICE_B, K.HOUSING_SUPPORT, K.SHELTER, K.SILVER_JINZAI, K.HOME_BASED_WORK]);

describe("demo city consistency", () => {
  it("draws every listing's activities from one family: its recipe's, or its host's own work", () => {
    const families = ALL_RECIPES.map((r) => ({
      recipe: r,
      acts: new Set([...(r.core ?? []), ...r.acts]),
    }));
    for (const r of resources) {
      const fits = families.some(({ recipe, acts }) => {
        if (recipe.kind !== r.kind) return false;
        if (recipe.hostActs) {
          const own = recipe.hostActs === true ? HOST_ACTS[r.organizationKey] : recipe.hostActs[r.organizationKey];
          return own !== undefined && r.activities.every((a) => own.includes(a));
        }
        const core = recipe.core ?? [];
        const job = r.kind === K.SILVER_JINZAI ? jobOf(r.name) : undefined;
        return (
          core.every((a) => r.activities.includes(a)) &&
          r.activities.every((a) => acts.has(a) || a === job) &&
          r.activities.length === new Set(r.activities).size
        );
      });
      expect(fits, `${r.name}: ${r.activities.join("・")}`).toBe(true);
    }
  });

  it("gives each listing the activities its name promises", () => {
    let checked = 0;
    for (const r of resources) {
      for (const [word, activity] of NAME_PROMISES) {
        if (!word.test(r.name)) continue;
        checked++;
        expect(r.activities, r.name).toContain(activity);
      }
      if (r.kind === K.SILVER_JINZAI) expect(r.activities[0], r.name).toBe(jobOf(r.name));
    }
    expect(checked).toBeGreaterThan(resources.length / 4);
  });

  it("aims elderly-oriented listings at an elderly group, not at 全市民", () => {
    for (const r of resources) {
      const elderlyText = /高齢者|65歳以上|60歳以上|百歳体操/.test(r.name + r.description);
      const elderlyKind = r.kind === K.KAYOI_NO_BA || r.kind === K.SALON || r.kind === K.KAIGO_YOBO_GROUP;
      if (!(elderlyText || elderlyKind || (r.ageMin ?? 0) >= 60)) continue;
      if (/子どもから高齢者まで|年齢を問わず/.test(r.description)) continue;
      expect(
        r.targetGroups.some((t) => ELDERLY.includes(t)),
        `${r.name}: ${r.targetGroups.join(",")}`,
      ).toBe(true);
      expect(r.targetGroups, r.name).not.toContain(TargetGroup.ALL_RESIDENTS);
    }
  });

  it("keeps age limits in line with the target groups", () => {
    for (const r of resources) {
      if (r.targetGroups.every((t) => ELDERLY.includes(t)) && r.ageMin !== null)
        expect(r.ageMin, r.name).toBeGreaterThanOrEqual(60);
      if (r.targetGroups.includes(TargetGroup.FUTOKO)) expect(r.ageMax ?? 18, r.name).toBeLessThanOrEqual(18);
      if (r.ageMin !== null && r.ageMin >= 60) expect(r.targetGroups, r.name).not.toContain(TargetGroup.ALL_RESIDENTS);
    }
  });

  it("meets at the time of day its name says", () => {
    for (const r of resources) {
      const starts = r.schedule.rules.map((x) => x.startTime);
      if (/夜の/.test(r.name)) for (const t of starts) expect(t >= "17:00", r.name).toBe(true);
      if (/昼食会/.test(r.name))
        for (const x of r.schedule.rules) expect(x.startTime <= "12:00" && x.endTime >= "12:30", r.name).toBe(true);
    }
  });

  it("meets regular places every week or month, and describes services by when they take requests", () => {
    for (const r of resources) {
      const frequencies = r.schedule.rules.map((x) => x.frequency);
      if (REGULAR_PLACES.has(r.kind)) expect(frequencies, r.name).not.toContain(ScheduleFrequency.SPECIFIC_DATES);
      if (SERVICES.has(r.kind)) {
        expect(r.description, r.name).not.toMatch(/活動日は|参加費|開催/);
      }
    }
    const described = resources.filter((r) => SERVICES.has(r.kind) && /受付は|受け渡しは/.test(r.description));
    expect(described.length).toBeGreaterThan(0);
  });
});
