import { describe, expect, it } from "vitest";
import {
  clearFilters,
  DEFAULT_RADIUS,
  EMPTY_SEARCH,
  hasFilters,
  parseSearchParams,
  toggleValue,
  toSearchInput,
  toSearchParams,
  type SearchState,
} from "./search-url";

const AREA = "2651f06c-5911-4114-b08c-fb8892fa9b36";
const PERSON = "dfff6d92-9056-4a35-9d3a-f42698452076";
const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe("search URL", () => {
  it("reads every filter from the address", () => {
    const state = parse(
      `q=%E4%BD%93%E6%93%8D&kind=SALON&kind=KAYOI_NO_BA&target=ELDERLY&area=${AREA}&day=TUE&day=FRI&time=MORNING` +
        `&access=STEP_FREE&transport=PICKUP&free=1&visit=1&trial=1&sort=DISTANCE&from=area:${AREA}&r=2000&personId=${PERSON}`,
    );
    expect(state).toEqual<SearchState>({
      text: "体操",
      kinds: ["SALON", "KAYOI_NO_BA"],
      targetGroups: ["ELDERLY"],
      areaIds: [AREA],
      weekdays: ["TUE", "FRI"],
      timeBands: ["MORNING"],
      accessibility: ["STEP_FREE"],
      transport: ["PICKUP"],
      freeOnly: true,
      visitAllowed: true,
      trialAllowed: true,
      sort: "DISTANCE",
      origin: { kind: "area", areaId: AREA },
      radiusMeters: 2000,
      personId: PERSON,
    });
  });

  it("drops what it does not know instead of sending it to the server", () => {
    const state = parse(
      "kind=NOPE&kind=SALON&kind=SALON&day=tue&area=not-a-uuid&sort=BEST&r=123&free=yes&from=area:x&personId=1",
    );
    expect(state.kinds).toEqual(["SALON"]);
    expect(state.weekdays).toEqual([]);
    expect(state.areaIds).toEqual([]);
    expect(state.sort).toBe("RELEVANCE");
    expect(state.radiusMeters).toBe(DEFAULT_RADIUS);
    expect(state.freeOnly).toBe(false);
    expect(state.origin).toBeNull();
    expect(state.personId).toBeNull();
  });

  it("needs a person for 「本人の自宅付近」", () => {
    expect(parse("from=person").origin).toBeNull();
    expect(parse(`from=person&personId=${PERSON}`).origin).toEqual({ kind: "person" });
  });

  it("writes the shortest address and reads it back unchanged", () => {
    expect(toSearchParams(EMPTY_SEARCH).toString()).toBe("");
    expect(toSearchParams({ ...EMPTY_SEARCH, text: "  カフェ " }).toString()).toBe("q=%E3%82%AB%E3%83%95%E3%82%A7");
    // The radius means nothing without an origin, so it is not written then.
    expect(toSearchParams({ ...EMPTY_SEARCH, radiusMeters: 1000 }).toString()).toBe("");

    const state: SearchState = {
      ...EMPTY_SEARCH,
      text: "サロン",
      kinds: ["SALON"],
      weekdays: ["MON", "THU"],
      freeOnly: true,
      sort: "NEXT_SESSION",
      origin: { kind: "person" },
      radiusMeters: 1000,
      personId: PERSON,
    };
    const query = toSearchParams(state).toString();
    expect(query).toBe(
      `q=%E3%82%B5%E3%83%AD%E3%83%B3&kind=SALON&day=MON&day=THU&free=1&sort=NEXT_SESSION&from=person&r=1000&personId=${PERSON}`,
    );
    expect(parse(query)).toEqual(state);
  });

  it("toggles one value of a list, and clears filters but keeps the person", () => {
    let state = toggleValue(EMPTY_SEARCH, "weekdays", "TUE", true);
    state = toggleValue(state, "weekdays", "MON", true);
    state = toggleValue(state, "weekdays", "TUE", true);
    expect(state.weekdays).toEqual(["TUE", "MON"]);
    expect(hasFilters(state)).toBe(true);
    state = toggleValue(state, "weekdays", "TUE", false);
    expect(state.weekdays).toEqual(["MON"]);

    const cleared = clearFilters({
      ...state,
      text: "体操",
      sort: "DISTANCE",
      origin: { kind: "person" },
      personId: PERSON,
    });
    expect(cleared).toEqual({ ...EMPTY_SEARCH, personId: PERSON });
    expect(hasFilters(cleared)).toBe(false);
  });
});

describe("search input", () => {
  it("sends only what narrows the search", () => {
    expect(toSearchInput(EMPTY_SEARCH, null)).toEqual({ includeCitywide: true, sort: "RELEVANCE" });
    expect(
      toSearchInput(
        {
          ...EMPTY_SEARCH,
          text: "  体操 ",
          kinds: ["SALON"],
          accessibility: ["STEP_FREE"],
          transport: ["PICKUP"],
          trialAllowed: true,
        },
        null,
      ),
    ).toEqual({
      includeCitywide: true,
      text: "体操",
      kinds: ["SALON"],
      accessibility: ["STEP_FREE"],
      transport: ["PICKUP"],
      trialAllowed: true,
      sort: "RELEVANCE",
    });
  });

  it("measures from the origin's point within the radius, and sorts by distance only when there is one", () => {
    const state: SearchState = {
      ...EMPTY_SEARCH,
      sort: "DISTANCE",
      origin: { kind: "area", areaId: AREA },
      radiusMeters: 2000,
    };
    expect(toSearchInput(state, { lat: 35.74, lng: 139.22 })).toEqual({
      includeCitywide: true,
      near: { lat: 35.74, lng: 139.22, radiusMeters: 2000 },
      sort: "DISTANCE",
    });
    // Point not known yet (or not available): no distance filter, and relevance instead of an error.
    expect(toSearchInput(state, null)).toEqual({ includeCitywide: true, sort: "RELEVANCE" });
  });
});
