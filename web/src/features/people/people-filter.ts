import type { PersonTrack } from "../../gql/graphql";

export const PEOPLE_PAGE_SIZE = 50;
/** The server refuses longer search text. */
export const PEOPLE_SEARCH_MAX_LENGTH = 100;

export interface PeopleFilter {
  text: string;
  mine: boolean;
  track: PersonTrack | "";
}

const TRACKS: readonly PersonTrack[] = ["CONSENTED", "SUPPORT_MEETING"];

/** `?q=…&mine=1&track=CONSENTED` → the filter; unknown values are ignored rather than sent to the server. */
export function peopleFilterFromParams(params: URLSearchParams): PeopleFilter {
  const track = params.get("track") ?? "";
  return {
    text: (params.get("q") ?? "").trim().slice(0, PEOPLE_SEARCH_MAX_LENGTH),
    mine: params.get("mine") === "1",
    track: (TRACKS as readonly string[]).includes(track) ? (track as PersonTrack) : "",
  };
}

/** The filter → the URL, leaving defaults out so the plain list is plain `/people`. */
export function paramsFromPeopleFilter(filter: PeopleFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.text.trim()) params.set("q", filter.text.trim());
  if (filter.mine) params.set("mine", "1");
  if (filter.track) params.set("track", filter.track);
  return params;
}

/** The filter → query variables; unset filters are left out, so "no filter" is one cache entry. */
export function peopleListVariables(filter: PeopleFilter) {
  return {
    first: PEOPLE_PAGE_SIZE,
    ...(filter.text ? { text: filter.text } : {}),
    ...(filter.mine ? { mine: true } : {}),
    ...(filter.track ? { track: filter.track } : {}),
  };
}
