import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceKind, TargetGroup } from "../resources/resource.enums.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { buildConditions, normalizeQuery } from "./search.conditions.js";
import { searchInPostgres } from "./search.fallback.js";
import { SearchResourcesInput } from "./search.inputs.js";

const SEARCH = /* GraphQL */ `
  query Search($input: SearchResourcesInput, $first: Int) {
    searchResources(input: $input, first: $first) {
      totalCount
      edges {
        node {
          id
          name
        }
        highlight {
          name {
            text
            match
          }
          description {
            text
            match
          }
        }
      }
    }
  }
`;

interface Edge {
  node: { id: string; name: string };
  highlight: { name: { text: string; match: boolean }[]; description: { text: string; match: boolean }[] };
}

let t: TestApp;
const ids: Record<string, string> = {};
const keyOf = new Map<string, string>();

const search = async (text: string) => {
  const res = await t.anonymous(SEARCH, { input: { text }, first: 50 });
  expect(res.errors, text).toBeUndefined();
  return res.data!.searchResources as { totalCount: number; edges: Edge[] };
};
/** The fixture keys a query finds, in rank order. */
const found = async (text: string) => (await search(text)).edges.map((e) => keyOf.get(e.node.id) ?? e.node.name);
const sorted = (keys: string[]) => [...keys].sort();

beforeAll(async () => {
  t = await createTestApp();
  const orgId = (await t.factories.organization({ name: "読み検索テスト会", nameKana: "ヨミケンサクテストカイ" })).id;
  const make = async (key: string, fields: Parameters<TestApp["factories"]["resource"]>[0]) => {
    ids[key] = (await t.factories.resource({ organizationId: orgId, ...fields })).id;
    keyOf.set(ids[key], key);
  };
  // 体操 in the activities only, and in the description only; and in the name.
  await make("activities", {
    name: "みどり会",
    nameKana: "ミドリカイ",
    kind: ResourceKind.KAIGO_YOBO_GROUP,
    targetGroups: [TargetGroup.ELDERLY],
    activities: ["体操", "脳トレ"],
    description: "椅子に座ってできます",
  });
  await make("description", {
    name: "ひだまりの会",
    nameKana: "ヒダマリノカイ",
    kind: ResourceKind.SALON,
    targetGroups: [TargetGroup.ELDERLY],
    description: "毎週火曜に体操と茶話会をしています",
  });
  await make("name", {
    name: "ラジオ体操の会",
    nameKana: "ラジオタイソウノカイ",
    kind: ResourceKind.HEALTH_EXERCISE,
    description: "朝の公園で",
  });
  await make("walking", {
    name: "ウォーキングの会",
    nameKana: "ウォーキングノカイ",
    kind: ResourceKind.SPORT,
    description: "川沿いを歩く運動です",
  });
  await make("kosodate", {
    name: "ぽかぽか",
    nameKana: "ポカポカ",
    kind: ResourceKind.KOSODATE_CIRCLE,
    targetGroups: [TargetGroup.CHILD_REARING],
    description: "子育て中の親子が集まります",
  });
  await make("chikatsu", {
    name: "つばさ作業所",
    nameKana: "ツバササギョウショ",
    kind: ResourceKind.SELF_HELP_GROUP,
    targetGroups: [TargetGroup.DISABILITY_MENTAL],
    description: "地域活動支援センターとして創作活動をしています",
  });
  await make("shokudo", {
    name: "子供食堂 もぐもぐ",
    nameKana: "コドモショクドウ モグモグ",
    kind: ResourceKind.KODOMO_SHOKUDO,
    targetGroups: [TargetGroup.CHILDREN],
    description: "地域の子供たちに夕食を",
  });
  await make("ibasho", {
    name: "若者スペース ステップ",
    nameKana: "ワカモノスペース ステップ",
    kind: ResourceKind.IBASHO,
    targetGroups: [TargetGroup.HIKIKOMORI, TargetGroup.YOUTH],
    description: "学校や仕事に行けない若者がゆっくり過ごせます",
  });
  await make("tamariba", {
    name: "放課後のたまり場",
    nameKana: "ホウカゴノタマリバ",
    kind: ResourceKind.YOUTH_LEADER,
    targetGroups: [TargetGroup.CHILDREN],
    description: "宿題をしたり遊んだり",
  });
  await make("farm", {
    name: "みのり農園",
    nameKana: "ミノリノウエン",
    kind: ResourceKind.EXPERIENCE_PROGRAM,
    activities: ["農作業", "野菜の袋詰め"],
    description: "季節の野菜を育てます",
  });
  await make("igo", {
    name: "いちょう会 囲碁クラブ",
    nameKana: "イチョウカイ イゴクラブ",
    kind: ResourceKind.SELF_HELP_GROUP,
    targetGroups: [TargetGroup.ELDERLY],
    description: "場所は公民館です。いつでも見学できます",
  });
  await make("salon", {
    name: "いきいきサロン 桜",
    nameKana: "イキイキサロン サクラ",
    kind: ResourceKind.SALON,
    targetGroups: [TargetGroup.ELDERLY],
    description: "おしゃべりと歌",
  });
  await make("kayoi", {
    name: "通いの場 けやき",
    nameKana: "カヨイノバ ケヤキ",
    kind: ResourceKind.KAYOI_NO_BA,
    targetGroups: [TargetGroup.ELDERLY],
    description: "みんなで集まる場",
  });
  await make("shuro", {
    name: "カフェ あおば",
    nameKana: "カフェ アオバ",
    kind: ResourceKind.EMPLOYMENT_HOST,
    targetGroups: [TargetGroup.YOUTH],
    description: "カフェでの就労体験を受け入れています",
  });
  await make("volunteer", {
    name: "見守りボランティア募集",
    nameKana: "ミマモリボランティアボシュウ",
    kind: ResourceKind.KYOJO_ACTIVITY,
    description: "ご近所の見守り",
  });
  await make("caregiver", {
    name: "ほっとひと息の会",
    nameKana: "ホットヒトイキノカイ",
    kind: ResourceKind.SELF_HELP_GROUP,
    // The caregivers' group (介護者・家族); written as the stored string so that this test does not depend on the enum.
    targetGroups: ["CAREGIVER" as TargetGroup],
    description: "家族を介護している方の集まり",
  });
  await t.indexNow();
});
afterAll(() => t.close());

describe("search by reading, in every field", () => {
  it("finds 体操 written in the activities and in the description by たいそう, in any script or width", async () => {
    const kanji = await found("体操");
    expect(kanji).toEqual(expect.arrayContaining(["activities", "description", "name"]));
    for (const q of ["たいそう", "タイソウ", "ﾀｲｿｳ"]) expect(sorted(await found(q)), q).toEqual(sorted(kanji));
  });

  it("ranks a match in the name before one in the activities, and that before one in the description", async () => {
    const order = (await found("たいそう")).filter((k) => ["activities", "description", "name"].includes(k));
    expect(order).toEqual(["name", "activities", "description"]);
  });

  it("highlights the kanji a kana query matched, in the name and in the description", async () => {
    const { edges } = await search("たいそう");
    const byKey = (key: string) => edges.find((e) => e.node.id === ids[key])!.highlight;
    expect(byKey("name").name).toEqual([
      { text: "ラジオ", match: false },
      { text: "体操", match: true },
      { text: "の会", match: false },
    ]);
    expect(byKey("description").description).toContainEqual({ text: "体操", match: true });
    const kanji = (await search("子供")).edges.find((e) => e.node.id === ids.shokudo)!.highlight;
    expect(kanji.name).toContainEqual({ text: "子供", match: true });
    expect(kanji.description).toContainEqual({ text: "子供", match: true });
  });

  it("gives こそだて the listings 子育て finds", async () => {
    const kanji = await found("子育て");
    expect(kanji).toContain("kosodate");
    expect(sorted(await found("こそだて"))).toEqual(sorted(kanji));
  });

  it("gives チイキカツドウ, ﾁｲｷｶﾂﾄﾞｳ and ちいきかつどう the same listings, found in a description", async () => {
    const hira = await found("ちいきかつどう");
    expect(hira).toContain("chikatsu");
    expect(sorted(await found("チイキカツドウ"))).toEqual(sorted(hira));
    expect(sorted(await found("ﾁｲｷｶﾂﾄﾞｳ"))).toEqual(sorted(hira));
  });

  it("does not answer いばしょ with listings that have no 居場所 anywhere (場所 and an い elsewhere)", async () => {
    const hits = await found("いばしょ");
    expect(hits).toContain("ibasho");
    expect(hits).not.toContain("igo");
    expect(sorted(hits)).toEqual(sorted(await found("居場所")));
  });

  it("folds spelling variants: 子供食堂 = 子ども食堂 = こども食堂, 子供 = 子ども", async () => {
    const kodomo = await found("子ども食堂");
    expect(kodomo).toContain("shokudo");
    expect(sorted(await found("子供食堂"))).toEqual(sorted(kodomo));
    expect(sorted(await found("こども食堂"))).toEqual(sorted(kodomo));
    expect(sorted(await found("子供"))).toEqual(sorted(await found("子ども")));
  });

  it("gives しゅうろうたいけん and シュウロウタイケン the listings 就労体験 finds", async () => {
    const kanji = await found("就労体験");
    expect(kanji).toContain("shuro");
    expect(sorted(await found("しゅうろうたいけん"))).toEqual(sorted(kanji));
    expect(sorted(await found("シュウロウタイケン"))).toEqual(sorted(kanji));
  });

  it("gives ぼらんてぃあ the listings ボランティア finds", async () => {
    const kata = await found("ボランティア");
    expect(kata).toContain("volunteer");
    expect(sorted(await found("ぼらんてぃあ"))).toEqual(sorted(kata));
  });

  it("finds listings by their kind's and target groups' labels and everyday words", async () => {
    expect(await found("居場所")).toContain("ibasho");
    expect(await found("ひきこもり")).toContain("ibasho");
    expect(await found("介護者")).toEqual(["caregiver"]);
  });

  it("answers the PostgreSQL fallback with the same spellings folded", async () => {
    const fallback = async (text: string) => {
      const input = Object.assign(new SearchResourcesInput(), { text });
      const page = await searchInPostgres(t.db, {
        input,
        query: normalizeQuery(text),
        conditions: buildConditions(input),
        offset: 0,
        limit: 50,
      });
      return sorted(page.hits.map((h) => keyOf.get(h.id) ?? h.id));
    };
    expect(await fallback("子ども食堂")).toEqual(["shokudo"]);
    expect(await fallback("子供食堂")).toEqual(["shokudo"]);
    expect(await fallback("介護者")).toEqual(["caregiver"]);
    // With the synonyms the index is given (居場所 → たまり場, one way), as the main path answers (SYNONYM_ROWS below).
    expect(await fallback("居場所")).toEqual(["ibasho", "tamariba"]);
  });
});

/**
 * The synonyms table (synonyms.json), row by row: a query, listings it must find, listings it must not. A mutual
 * group works both ways; 居場所 only one way, so that a young person's 居場所 search brings no elderly サロン.
 */
const SYNONYM_ROWS: { query: string; find: string[]; notFind: string[] }[] = [
  { query: "サロン", find: ["salon", "kayoi"], notFind: ["ibasho", "tamariba"] },
  { query: "通いの場", find: ["kayoi", "salon"], notFind: ["ibasho"] },
  { query: "かよいのば", find: ["kayoi", "salon"], notFind: ["ibasho"] },
  { query: "居場所", find: ["ibasho", "tamariba"], notFind: ["salon", "kayoi", "description"] },
  { query: "いばしょ", find: ["ibasho", "tamariba"], notFind: ["salon", "kayoi", "igo"] },
  { query: "たまり場", find: ["tamariba", "ibasho"], notFind: ["salon", "kayoi"] },
  { query: "茶話会", find: ["description"], notFind: ["salon"] },
  { query: "さわかい", find: ["description"], notFind: ["salon"] },
  { query: "運動", find: ["walking", "name", "activities", "description"], notFind: ["kayoi"] },
  { query: "体操", find: ["name", "activities", "description"], notFind: ["walking"] },
  { query: "職場体験", find: ["shuro"], notFind: ["kosodate"] },
  { query: "畑仕事", find: ["farm"], notFind: ["walking"] },
  { query: "農作業", find: ["farm"], notFind: ["walking"] },
  { query: "担い手", find: ["volunteer"], notFind: ["caregiver"] },
];

describe("synonyms table", () => {
  it.each(SYNONYM_ROWS)("$query finds $find and not $notFind", async ({ query, find, notFind }) => {
    const hits = await found(query);
    expect(hits).toEqual(expect.arrayContaining(find));
    for (const key of notFind) expect(hits, key).not.toContain(key);
  });
});
