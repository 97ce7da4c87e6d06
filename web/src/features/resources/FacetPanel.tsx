import { useId, useState, type ReactNode } from "react";
import { type FragmentType, graphql, useFragment } from "../../gql";
import {
  RESOURCE_KIND_LABELS,
  TARGET_GROUP_LABELS,
  TIME_BAND_LABELS,
  TIME_BANDS_IN_ORDER,
  WEEKDAY_LABELS,
  WEEKDAYS_IN_ORDER,
  searchMessages,
} from "../../messages";
import type { FlagKey, ListKey, SearchState } from "./search-url";

export const FACET_PANEL_FRAGMENT = graphql(`
  fragment FacetPanel_facets on SearchFacets {
    kinds {
      value
      count
    }
    targetGroups {
      value
      count
    }
    areas {
      value
      count
    }
    weekdays {
      value
      count
    }
    timeBands {
      value
      count
    }
    free {
      value
      count
    }
    accessibility {
      value
      count
    }
    transport {
      value
      count
    }
    visitAllowed {
      value
      count
    }
    trialAllowed {
      value
      count
    }
  }
`);

const m = searchMessages.facets;
/** Longer lists show this many options (plus any chosen) until 「ほか N 件を表示」. */
const COLLAPSED_OPTIONS = 8;

type Counts = readonly { value: string; count: number }[];
interface Option {
  value: string;
  label: string;
  count: number;
}

export interface FacetPanelProps {
  facets: FragmentType<typeof FACET_PANEL_FRAGMENT> | null;
  state: SearchState;
  areaNames: ReadonlyMap<string, string>;
  onToggle: (key: ListKey, value: string, on: boolean) => void;
  onFlag: (key: FlagKey, on: boolean) => void;
}

const countOf = (counts: Counts | undefined, value: string) => counts?.find((c) => c.value === value)?.count ?? 0;

/**
 * The options of one facet: those the server counted (in its order, or in `order` when given) plus chosen ones it
 * did not (count 0), so a choice can always be undone. `label` returns null for values this client cannot name.
 */
function optionsOf(
  counts: Counts | undefined,
  chosen: readonly string[],
  label: (value: string) => string | undefined,
  order?: readonly string[],
): Option[] {
  const values = order
    ? order.filter((v) => countOf(counts, v) > 0 || chosen.includes(v))
    : [...(counts ?? []).map((c) => c.value), ...chosen.filter((v) => !counts?.some((c) => c.value === v))];
  return values.flatMap((value) => {
    const name = label(value);
    return name ? [{ value, label: name, count: countOf(counts, value) }] : [];
  });
}

/** The facet checkboxes: each list filter is a fieldset named by its legend; 条件 gathers the yes/no ones. */
export function FacetPanel({ facets: facetsRef, state, areaNames, onToggle, onFlag }: FacetPanelProps) {
  const facets = useFragment(FACET_PANEL_FRAGMENT, facetsRef);
  const lists: { key: ListKey; legend: string; options: Option[] }[] = [
    {
      key: "kinds",
      legend: m.kinds,
      options: optionsOf(
        facets?.kinds,
        state.kinds,
        (v) => RESOURCE_KIND_LABELS[v as keyof typeof RESOURCE_KIND_LABELS],
      ),
    },
    {
      key: "targetGroups",
      legend: m.targetGroups,
      options: optionsOf(
        facets?.targetGroups,
        state.targetGroups,
        (v) => TARGET_GROUP_LABELS[v as keyof typeof TARGET_GROUP_LABELS],
      ),
    },
    { key: "areaIds", legend: m.areas, options: optionsOf(facets?.areas, state.areaIds, (v) => areaNames.get(v)) },
    {
      key: "weekdays",
      legend: m.weekdays,
      options: optionsOf(
        facets?.weekdays,
        state.weekdays,
        (v) => WEEKDAY_LABELS[v as keyof typeof WEEKDAY_LABELS],
        WEEKDAYS_IN_ORDER,
      ),
    },
    {
      key: "timeBands",
      legend: m.timeBands,
      options: optionsOf(
        facets?.timeBands,
        state.timeBands,
        (v) => TIME_BAND_LABELS[v as keyof typeof TIME_BAND_LABELS],
        TIME_BANDS_IN_ORDER,
      ),
    },
  ];

  return (
    <div className="facets">
      {lists.map(({ key, legend, options }) => (
        <FacetFieldset key={key} legend={legend}>
          <OptionList
            options={options}
            isChecked={(value) => (state[key] as readonly string[]).includes(value)}
            onChange={(value, on) => onToggle(key, value, on)}
          />
        </FacetFieldset>
      ))}
      <FacetFieldset legend={m.conditions}>
        <ul className="facet__options" role="list">
          <FacetCheckbox
            label={m.free}
            count={countOf(facets?.free, "true")}
            checked={state.freeOnly}
            onChange={(on) => onFlag("freeOnly", on)}
          />
          <FacetCheckbox
            label={m.barrierFree}
            count={countOf(facets?.accessibility, "STEP_FREE")}
            checked={state.accessibility.includes("STEP_FREE")}
            onChange={(on) => onToggle("accessibility", "STEP_FREE", on)}
          />
          <FacetCheckbox
            label={m.pickup}
            count={countOf(facets?.transport, "PICKUP")}
            checked={state.transport.includes("PICKUP")}
            onChange={(on) => onToggle("transport", "PICKUP", on)}
          />
          <FacetCheckbox
            label={m.visitAllowed}
            count={countOf(facets?.visitAllowed, "true")}
            checked={state.visitAllowed}
            onChange={(on) => onFlag("visitAllowed", on)}
          />
          <FacetCheckbox
            label={m.trialAllowed}
            count={countOf(facets?.trialAllowed, "true")}
            checked={state.trialAllowed}
            onChange={(on) => onFlag("trialAllowed", on)}
          />
        </ul>
      </FacetFieldset>
    </div>
  );
}

function FacetFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

function OptionList({
  options,
  isChecked,
  onChange,
}: {
  options: Option[];
  isChecked: (value: string) => boolean;
  onChange: (value: string, on: boolean) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const collapsible = options.length > COLLAPSED_OPTIONS + 1;
  const shown =
    !collapsible || expanded
      ? options
      : options.filter((option, i) => i < COLLAPSED_OPTIONS || isChecked(option.value));
  return (
    <>
      <ul className="facet__options" role="list" id={listId}>
        {shown.map((option) => (
          <FacetCheckbox
            key={option.value}
            label={option.label}
            count={option.count}
            checked={isChecked(option.value)}
            onChange={(on) => onChange(option.value, on)}
          />
        ))}
      </ul>
      {collapsible && (
        <button
          type="button"
          className="link-button"
          aria-controls={listId}
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? searchMessages.showFewerOptions : searchMessages.showAllOptions(options.length - shown.length)}
        </button>
      )}
    </>
  );
}

function FacetCheckbox({
  label,
  count,
  checked,
  onChange,
}: {
  label: string;
  count: number;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <li>
      <label className="facet__option">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{searchMessages.facetOption(label, count)}</span>
      </label>
    </li>
  );
}
