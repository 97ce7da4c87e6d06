import { type FragmentType, graphql, useFragment } from "../../gql";
import { searchMessages } from "../../messages";

const m = searchMessages.understood;

export const UNDERSTOOD_CHIPS_FRAGMENT = graphql(`
  fragment UnderstoodChips_filter on UnderstoodFilter {
    kind
    value
    label
    word
  }
`);

export interface UnderstoodChipsProps {
  filters: readonly FragmentType<typeof UNDERSTOOD_CHIPS_FRAGMENT>[];
  /** Takes the word out of the search box, and with it the filter it meant. */
  onRemove: (word: string) => void;
}

/** The filters the server read from the words of the search box, each removable. */
export function UnderstoodChips(props: UnderstoodChipsProps) {
  const filters = useFragment(UNDERSTOOD_CHIPS_FRAGMENT, props.filters);
  if (!filters.length) return null;
  return (
    <section className="understood" aria-labelledby="understood-heading">
      <h2 id="understood-heading" className="understood__heading">
        {m.heading}
      </h2>
      <ul className="understood__chips">
        {filters.map((f) => (
          <li key={`${f.kind}:${f.value}`} className="understood__chip">
            <span>{m.chip(m.kinds[f.kind], f.label)}</span>
            <button
              type="button"
              className="understood__remove"
              aria-label={m.remove(f.word)}
              title={m.remove(f.word)}
              onClick={() => props.onRemove(f.word)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <p className="understood__hint">{m.hint}</p>
    </section>
  );
}
