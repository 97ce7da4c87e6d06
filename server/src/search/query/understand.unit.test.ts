import { describe, expect, it } from "vitest";
import { understandQuery, type AreaName } from "./understand.js";

const AREAS: AreaName[] = [
  { id: "a-wakaba", name: "若葉小学校区", nameKana: "ワカバショウガッコウク" },
  {
    id: "a-sakura",
    name: "さくら地域包括支援センター担当区域",
    nameKana: "サクラチイキホウカツシエンセンタータントウクイキ",
  },
  { id: "a-north", name: "みどり野北エリア", nameKana: "ミドリノキタエリア" },
];

/** [typed, text left, understood as "KIND:value←word"] */
const ROWS: [string, string, string[]][] = [
  ["体操", "体操", []],
  ["火曜 体操", "体操", ["WEEKDAY:TUE←火曜"]],
  ["体操 火曜", "体操", ["WEEKDAY:TUE←火曜"]],
  ["月", "", ["WEEKDAY:MON←月"]],
  ["月曜日", "", ["WEEKDAY:MON←月曜日"]],
  ["げつよう", "", ["WEEKDAY:MON←げつよう"]],
  ["ゲツヨウビ", "", ["WEEKDAY:MON←ゲツヨウビ"]],
  ["毎週水曜 囲碁", "囲碁", ["WEEKDAY:WED←毎週水曜"]],
  ["月例会", "月例会", []],
  ["月曜と水曜", "", ["WEEKDAY:MON←月曜", "WEEKDAY:WED←水曜"]],
  ["土曜日の午前", "", ["WEEKDAY:SAT←土曜日", "TIME_BAND:MORNING←午前"]],
  ["火曜午後 サロン", "サロン", ["WEEKDAY:TUE←火曜", "TIME_BAND:AFTERNOON←午後"]],
  ["朝 ラジオ体操", "ラジオ体操", ["TIME_BAND:MORNING←朝"]],
  ["夕方", "", ["TIME_BAND:EVENING←夕方"]],
  ["よる", "", ["TIME_BAND:EVENING←よる"]],
  ["ごご", "", ["TIME_BAND:AFTERNOON←ごご"]],
  ["10時", "", ["TIME_WINDOW:10:00-10:59←10時"]],
  ["１０時半", "", ["TIME_WINDOW:10:30-11:29←10時半"]],
  ["午後2時", "", ["TIME_WINDOW:14:00-14:59←午後2時"]],
  ["14:00〜16:00 料理", "料理", ["TIME_WINDOW:14:00-16:00←14:00〜16:00"]],
  ["10時から", "", ["TIME_WINDOW:10:00-23:59←10時から"]],
  ["15時まで", "", ["TIME_WINDOW:00:00-15:00←15時まで"]],
  ["2時間", "2時間", []],
  ["25時", "25時", []],
  ["無料 食堂", "食堂", ["FREE:true←無料"]],
  ["むりょう", "", ["FREE:true←むりょう"]],
  ["送迎あり デイ", "デイ", ["TRANSPORT:PICKUP←送迎あり"]],
  ["ソウゲイ", "", ["TRANSPORT:PICKUP←ソウゲイ"]],
  ["見学可", "", ["VISIT:true←見学可"]],
  ["けんがく", "", ["VISIT:true←けんがく"]],
  ["体験", "", ["TRIAL:true←体験"]],
  ["就労体験", "就労体験", []],
  ["若葉小学校区", "", ["AREA:a-wakaba←若葉小学校区"]],
  ["若葉地区 サロン", "サロン", ["AREA:a-wakaba←若葉地区"]],
  ["わかば校区", "", ["AREA:a-wakaba←わかば校区"]],
  ["ワカバショウガッコウク", "", ["AREA:a-wakaba←ワカバショウガッコウク"]],
  ["若葉", "若葉", []],
  ["さくら地区", "", ["AREA:a-sakura←さくら地区"]],
  ["みどり野北エリア", "", ["AREA:a-north←みどり野北エリア"]],
  ["ｻﾛﾝ　火曜　無料", "サロン", ["WEEKDAY:TUE←火曜", "FREE:true←無料"]],
  ["火曜 火曜日", "", ["WEEKDAY:TUE←火曜"]],
  ["子ども食堂 金曜 夜 見学", "こども食堂", ["WEEKDAY:FRI←金曜", "TIME_BAND:EVENING←夜", "VISIT:true←見学"]],
  ["", "", []],
  ["の", "の", []],
];

describe("understandQuery", () => {
  it.each(ROWS)("%s → text %j", (typed, text, understood) => {
    const q = understandQuery(typed, AREAS);
    expect(q.text).toBe(text);
    expect(q.understood.map((u) => `${u.kind}:${u.value}←${u.word}`)).toEqual(understood);
  });

  it("has at least thirty rows", () => expect(ROWS.length).toBeGreaterThanOrEqual(30));

  it("gives the same filters and text whatever the order of the words", () => {
    const words = ["火曜", "体操", "午前", "若葉地区", "無料"];
    const canonical = (typed: string) => {
      const q = understandQuery(typed, AREAS);
      return { text: q.text, filters: q.understood.map((u) => `${u.kind}:${u.value}`).sort() };
    };
    const expected = canonical(words.join(" "));
    expect(expected).toEqual({
      text: "体操",
      filters: ["AREA:a-wakaba", "FREE:true", "TIME_BAND:MORNING", "WEEKDAY:TUE"],
    });
    for (const order of [[...words].reverse(), ["体操", "無料", "火曜", "若葉地区", "午前"]])
      expect(canonical(order.join(" "))).toEqual(expected);
  });

  it("labels each understood filter for its chip", () => {
    expect(understandQuery("火曜 午前 若葉地区 送迎 10時", AREAS).understood.map((u) => u.label)).toEqual([
      "火曜",
      "午前",
      "若葉小学校区",
      "送迎あり",
      "10:00〜10:59",
    ]);
  });
});
