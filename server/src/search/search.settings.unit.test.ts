import { describe, expect, it } from "vitest";
import synonymsFile from "./synonyms.json";
import { RESOURCE_INDEX_SETTINGS, buildSynonyms, synonymWord } from "./search.settings.js";

describe("search settings", () => {
  it("makes every synonym group mutual", () => {
    const s = buildSynonyms([["通いの場", "サロン", "居場所"]]);
    expect(s["通いの場"]).toEqual(["サロン", "居場所"]);
    expect(s["サロン"]).toEqual(["通いの場", "居場所"]);
    expect(s["居場所"]).toEqual(["通いの場", "サロン"]);
  });

  it("merges groups that share a word", () => {
    const s = buildSynonyms([
      ["a", "b"],
      ["b", "c"],
    ]);
    expect(s.b.sort()).toEqual(["a", "c"]);
  });

  it("carries the coordinator's vocabulary from the data file, with Japanese locale on every attribute", () => {
    const all = [...synonymsFile.mutual.flat(), ...synonymsFile.oneWay.flatMap((r) => [r.from, ...r.to])].map(
      synonymWord,
    );
    for (const word of [
      "通いの場",
      "サロン",
      "集いの場",
      "居場所",
      "子育てひろば",
      "子育て支援拠点",
      "つどいの広場",
      "就労体験",
      "職場体験",
      "仕事体験",
      "ボランティア",
      "担い手",
    ]) {
      expect(all).toContain(word);
    }
    expect(RESOURCE_INDEX_SETTINGS.synonyms!["子育て支援拠点"]).toContain("子育てひろば");
    expect(RESOURCE_INDEX_SETTINGS.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["jpn"] }]);
  });
});
