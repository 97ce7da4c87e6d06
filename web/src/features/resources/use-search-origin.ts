import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { Point } from "./centroid";
import { areaCentre } from "./centroid";
import type { SearchState } from "./search-url";

const SEARCH_PERSON = graphql(`
  query SearchPerson($id: ID!) {
    person(id: $id) {
      id
      displayName
      homeLat
      homeLng
      area {
        id
        name
      }
    }
  }
`);

/** An area's centre point, and up to 100 of its listings for an approximate one when the area has none set. */
const AREA_LISTING_POINTS = graphql(`
  query AreaListingPoints($areaId: ID!) {
    area(id: $areaId) {
      id
      centerLat
      centerLng
    }
    resources(areaIds: [$areaId], first: 100) {
      edges {
        cursor
        node {
          id
          lat
          lng
        }
      }
    }
  }
`);

export type OriginStatus = "none" | "loading" | "ready" | "unavailable";

export interface SearchOrigin {
  /** The point distances are measured from, once known. */
  near: Point | null;
  status: OriginStatus;
  /** How the person's point was found: their home, or (no home recorded) their area's centre. */
  personBasis: "home" | "area" | null;
  /** The person the search is for, when the viewer may see them. */
  person: { id: string; displayName: string } | null;
}

/**
 * Resolves the search's distance origin to a point: the person's home (rounded to ~100 m by the server), else their
 * area's centre; or a chosen 地区's centre. `canSeePersons` is false for residents, hosts and viewers, who never ask.
 */
export function useSearchOrigin(state: SearchState, canSeePersons: boolean): SearchOrigin {
  const personQuery = useQuery(SEARCH_PERSON, {
    variables: { id: state.personId ?? "" },
    skip: !state.personId || !canSeePersons,
  });
  const person = personQuery.data?.person ?? null;
  const home =
    person && person.homeLat != null && person.homeLng != null ? { lat: person.homeLat, lng: person.homeLng } : null;

  let areaId: string | null = null;
  if (state.origin?.kind === "area") areaId = state.origin.areaId;
  else if (state.origin?.kind === "person" && person && !home) areaId = person.area?.id ?? null;

  const areaQuery = useQuery(AREA_LISTING_POINTS, { variables: { areaId: areaId ?? "" }, skip: !areaId });
  const areaPoint = areaQuery.data
    ? areaCentre(
        areaQuery.data.area,
        areaQuery.data.resources.edges.map((e) => e.node),
      )
    : null;

  const personInfo = person ? { id: person.id, displayName: person.displayName } : null;
  if (!state.origin) return { near: null, status: "none", personBasis: null, person: personInfo };
  if (state.origin.kind === "person") {
    if (home) return { near: home, status: "ready", personBasis: "home", person: personInfo };
    if (personQuery.loading || areaQuery.loading)
      return { near: null, status: "loading", personBasis: null, person: personInfo };
    if (areaPoint) return { near: areaPoint, status: "ready", personBasis: "area", person: personInfo };
    return { near: null, status: "unavailable", personBasis: null, person: personInfo };
  }
  if (areaQuery.loading) return { near: null, status: "loading", personBasis: null, person: personInfo };
  return { near: areaPoint, status: areaPoint ? "ready" : "unavailable", personBasis: null, person: personInfo };
}
