import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { SearchMissListQuery } from "../../gql/graphql";
import {
  ACCESSIBILITY_LABELS,
  PARTICIPATION_ROLE_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BAND_LABELS,
  TRANSPORT_OPTION_LABELS,
  WEEKDAY_LABELS,
  commonMessages,
  formatDate,
  searchMissMessages as m,
} from "../../messages";

const SEARCH_MISSES = graphql(`
  query SearchMissList {
    searchMisses {
      query
      times
      lastSearchedAt
      filters {
        kinds
        targetGroups
        areaNames
        weekdays
        timeBands
        timeFrom
        timeTo
        freeOnly
        accessibility
        transport
        rolesOffered
        visitAllowed
        trialAllowed
        age
        radiusMeters
        statuses
      }
    }
  }
`);

type Filters = SearchMissListQuery["searchMisses"][number]["filters"];

/** The filters of a search in words, in the order the search page shows them. */
export function filtersInWords(f: Filters): string[] {
  const out: string[] = [];
  const each = <T extends string>(values: readonly T[] | null | undefined, labels: Record<T, string>) =>
    values?.length ? values.map((v) => labels[v]).join("・") : null;
  const push = (text: string | null) => text && out.push(text);
  push(each(f.kinds, RESOURCE_KIND_LABELS));
  push(each(f.targetGroups, TARGET_GROUP_LABELS));
  push(f.areaNames.length ? f.areaNames.join("・") : null);
  push(each(f.weekdays, WEEKDAY_LABELS));
  push(each(f.timeBands, TIME_BAND_LABELS));
  push(f.timeFrom && f.timeTo ? m.time(f.timeFrom, f.timeTo) : null);
  push(f.freeOnly ? m.free : null);
  push(each(f.accessibility, ACCESSIBILITY_LABELS));
  push(each(f.transport, TRANSPORT_OPTION_LABELS));
  push(each(f.rolesOffered, PARTICIPATION_ROLE_LABELS));
  push(f.visitAllowed ? m.visit : null);
  push(f.trialAllowed ? m.trial : null);
  push(f.age != null ? m.age(f.age) : null);
  push(f.radiusMeters != null ? m.radius(f.radiusMeters) : null);
  push(each(f.statuses, RESOURCE_STATUS_LABELS));
  return out;
}

/** 探されたが見つからなかったもの: searches that found little, grouped; what people looked for, never who. */
export function SearchMissList() {
  const { data, loading, error, refetch } = useQuery(SEARCH_MISSES);
  return (
    <section aria-labelledby="search-misses-heading" aria-busy={loading}>
      <h2 id="search-misses-heading">{m.heading}</h2>
      <p>{m.lead}</p>
      {loading && !data && <p role="status">{commonMessages.loading}</p>}
      {error && !data && (
        <div className="notice notice--error" role="alert">
          <p>{m.loadError}</p>
          <button type="button" className="button" onClick={() => void refetch().catch(() => {})}>
            {commonMessages.retry}
          </button>
        </div>
      )}
      {data && data.searchMisses.length === 0 && <p>{m.none}</p>}
      {data && data.searchMisses.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{m.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{m.query}</th>
              <th scope="col">{m.filters}</th>
              <th scope="col">{m.times}</th>
              <th scope="col">{m.last}</th>
            </tr>
          </thead>
          <tbody>
            {data.searchMisses.map((miss) => {
              const words = filtersInWords(miss.filters);
              return (
                <tr key={`${miss.query}\u0000${words.join("\u0000")}`}>
                  <th scope="row">{miss.query || m.noWords}</th>
                  <td>{words.length ? words.join("、") : m.noFilters}</td>
                  <td>{m.count(miss.times)}</td>
                  <td>{formatDate(miss.lastSearchedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
