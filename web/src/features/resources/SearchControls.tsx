import type { SearchSort } from "../../gql/graphql";
import { SEARCH_SORT_LABELS, searchMessages as m } from "../../messages";
import { Field } from "../../ui/form-fields";
import { RADIUS_OPTIONS, SEARCH_TEXT_MAX_LENGTH, type Origin, type SearchState } from "./search-url";
import type { SearchOrigin } from "./use-search-origin";

const SORTS = Object.keys(SEARCH_SORT_LABELS) as SearchSort[];

const originValue = (origin: Origin | null) =>
  !origin ? "" : origin.kind === "person" ? "person" : `area:${origin.areaId}`;

function parseOriginValue(value: string): Origin | null {
  if (value === "person") return { kind: "person" };
  if (value.startsWith("area:")) return { kind: "area", areaId: value.slice(5) };
  return null;
}

export interface SearchControlsProps {
  text: string;
  onText: (text: string) => void;
  state: SearchState;
  origin: SearchOrigin;
  areas: readonly { id: string; name: string }[];
  onChange: (next: SearchState) => void;
}

/** The search box (results follow as one types), 並び順, and where distances are measured from. */
export function SearchControls({ text, onText, state, origin, areas, onChange }: SearchControlsProps) {
  const hasOrigin = state.origin !== null;
  const originHint =
    origin.status === "loading"
      ? m.originLoading
      : origin.status === "unavailable"
        ? m.originUnavailable
        : state.origin?.kind === "area"
          ? m.originAreaHint
          : origin.personBasis === "home"
            ? m.originPersonHint
            : origin.personBasis === "area"
              ? m.originPersonAreaHint
              : undefined;

  const changeOrigin = (value: string) => {
    const next = parseOriginValue(value);
    // A new origin is usually chosen to see what is near: sort by distance then; without one, distance cannot sort.
    const sort = next ? (state.origin ? state.sort : "DISTANCE") : state.sort === "DISTANCE" ? "RELEVANCE" : state.sort;
    onChange({ ...state, origin: next, sort });
  };

  return (
    <form className="search-controls" role="search" aria-label={m.pageHeading} onSubmit={(e) => e.preventDefault()}>
      <Field label={m.searchLabel} hint={m.searchHint} className="field--grow">
        {(props) => (
          <input
            {...props}
            className="field__control"
            type="search"
            value={text}
            maxLength={SEARCH_TEXT_MAX_LENGTH}
            autoComplete="off"
            onChange={(e) => onText(e.target.value)}
          />
        )}
      </Field>
      <Field label={m.sortLabel}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={state.sort}
            onChange={(e) => onChange({ ...state, sort: e.target.value as SearchSort })}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort} disabled={sort === "DISTANCE" && !hasOrigin}>
                {SEARCH_SORT_LABELS[sort]}
                {sort === "DISTANCE" && !hasOrigin ? m.sortNeedsOrigin : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={m.originLabel} hint={originHint}>
        {(props) => (
          <select
            {...props}
            className="field__control"
            value={originValue(state.origin)}
            onChange={(e) => changeOrigin(e.target.value)}
          >
            <option value="">{m.originNone}</option>
            {(origin.person || state.origin?.kind === "person") && <option value="person">{m.originPerson}</option>}
            {areas.map((area) => (
              <option key={area.id} value={`area:${area.id}`}>
                {m.originArea(area.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {hasOrigin && (
        <Field label={m.radiusLabel}>
          {(props) => (
            <select
              {...props}
              className="field__control"
              value={state.radiusMeters}
              onChange={(e) => onChange({ ...state, radiusMeters: Number(e.target.value) })}
            >
              {RADIUS_OPTIONS.map((meters) => (
                <option key={meters} value={meters}>
                  {m.radiusOption(meters)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </form>
  );
}
