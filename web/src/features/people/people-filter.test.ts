import { describe, expect, it } from "vitest";
import { paramsFromPeopleFilter, peopleFilterFromParams, peopleListVariables } from "./people-filter";

describe("本人一覧 filter ↔ URL ↔ query variables", () => {
  it("reads the URL, ignoring unknown values and trimming the text", () => {
    expect(peopleFilterFromParams(new URLSearchParams("q=%20あおき%20&mine=1&track=CONSENTED"))).toEqual({
      text: "あおき",
      mine: true,
      track: "CONSENTED",
    });
    expect(peopleFilterFromParams(new URLSearchParams("mine=yes&track=EVERYONE"))).toEqual({
      text: "",
      mine: false,
      track: "",
    });
  });

  it("writes only what is set, so the plain list is plain /people", () => {
    expect(paramsFromPeopleFilter({ text: "", mine: false, track: "" }).toString()).toBe("");
    expect(paramsFromPeopleFilter({ text: "葵", mine: true, track: "SUPPORT_MEETING" }).toString()).toBe(
      "q=%E8%91%B5&mine=1&track=SUPPORT_MEETING",
    );
  });

  it("sends unset filters as absent, not as empty values", () => {
    expect(peopleListVariables({ text: "", mine: false, track: "" })).toEqual({ first: 50 });
    expect(peopleListVariables({ text: "葵", mine: true, track: "CONSENTED" })).toEqual({
      first: 50,
      text: "葵",
      mine: true,
      track: "CONSENTED",
    });
  });

  it("round-trips a filter through the URL", () => {
    const filter = { text: "アオキ", mine: true, track: "CONSENTED" as const };
    expect(peopleFilterFromParams(paramsFromPeopleFilter(filter))).toEqual(filter);
  });
});
