import { useMemo } from "react";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";

const AREAS = graphql(`
  query AreaList {
    areas {
      id
      name
      type
    }
  }
`);

/** Every area of the city (public; a handful of rows), and their names by id for facet chips. */
export function useAreas() {
  const { data, loading, error } = useQuery(AREAS);
  const areas = useMemo(() => data?.areas ?? [], [data]);
  const names = useMemo(() => new Map(areas.map((a) => [a.id, a.name])), [areas]);
  return { areas, names, loading, error };
}
