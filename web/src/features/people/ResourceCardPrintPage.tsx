import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { ResourceCardPrintQuery } from "../../gql/graphql";
import { formatDate, peopleMessages } from "../../messages";
import { isInProgress } from "../matching/board-model";
import { CardResource } from "./CardResource";

export const RESOURCE_CARD_PRINT_QUERY = graphql(`
  query ResourceCardPrint($id: ID!, $suggestions: Int!) {
    person(id: $id) {
      id
      displayName
      coordinator {
        id
        displayName
      }
      matches {
        id
        stage
        stageLabel
        resource {
          id
          name
          ...CardResource_resource
        }
      }
    }
    suggestResources(personId: $id, first: $suggestions) {
      suggestions {
        resource {
          id
          name
          ...CardResource_resource
        }
      }
    }
  }
`);

const t = peopleMessages.card;
const SUGGESTIONS_OFFERED = 5;

type Data = ResourceCardPrintQuery;
type CardChoice = { resource: Data["person"]["matches"][number]["resource"]; note: string; chosen: boolean };

/** The places that can go on the card: the person's matches first (those in progress chosen), then suggestions. */
export function cardChoices(data: Data): CardChoice[] {
  const seen = new Set<string>();
  const out: CardChoice[] = [];
  for (const m of data.person.matches) {
    if (seen.has(m.resource.id)) continue;
    seen.add(m.resource.id);
    out.push({ resource: m.resource, note: t.fromMatch(m.stageLabel), chosen: isInProgress(m.stage) });
  }
  for (const s of data.suggestResources.suggestions) {
    if (seen.has(s.resource.id)) continue;
    seen.add(s.resource.id);
    out.push({ resource: s.resource, note: t.fromSuggestion, chosen: false });
  }
  return out;
}

/**
 * 地域資源カード: a big, plain printout for the person to take home. The app's header is not on this route; the
 * choice of places and the buttons are hidden when printing (styles.css, @media print).
 */
export function ResourceCardPrintPage() {
  const { personId = "" } = useParams();
  const { data, loading, error } = useQuery(RESOURCE_CARD_PRINT_QUERY, {
    variables: { id: personId, suggestions: SUGGESTIONS_OFFERED },
  });
  const choices = useMemo(() => (data ? cardChoices(data) : []), [data]);
  const [picked, setPicked] = useState<Record<string, boolean>>({});
  const isChosen = (c: CardChoice) => picked[c.resource.id] ?? c.chosen;
  const chosen = choices.filter(isChosen);

  return (
    <main id="main" className="print-card">
      <div className="print-card__controls no-print">
        <p>
          <Link to={`/people/${personId}`}>{t.back}</Link>
        </p>
        {loading && !data && <p role="status">{t.loading}</p>}
        {error && !data && (
          <p className="notice notice--error" role="alert">
            {t.loadError}
          </p>
        )}
        {choices.length > 0 && (
          <fieldset className="choice-group">
            <legend className="field__label">{t.chooseLegend}</legend>
            <p className="field__hint">{t.chooseHint}</p>
            <div className="choice-group__options choice-group__options--stacked">
              {choices.map((c) => (
                <label key={c.resource.id} className="choice">
                  <input
                    type="checkbox"
                    checked={isChosen(c)}
                    onChange={(e) => setPicked({ ...picked, [c.resource.id]: e.target.checked })}
                  />
                  <span>
                    {c.resource.name} <span className="choice__note">({c.note})</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <button type="button" className="button" onClick={() => window.print()} disabled={!chosen.length}>
          {t.print}
        </button>
      </div>

      <header className="print-card__header">
        <h1>{t.pageTitle}</h1>
        {data && <p className="print-card__person">{data.person.displayName}</p>}
        <p className="print-card__lead">{t.lead}</p>
      </header>

      {data && chosen.length === 0 && <p className="notice no-print">{t.noneChosen}</p>}
      {chosen.map((c) => (
        <CardResource key={c.resource.id} resource={c.resource} />
      ))}

      {data && (
        <footer className="print-card__footer">
          {data.person.coordinator && <p>{t.coordinatorContact(data.person.coordinator.displayName)}</p>}
          <p>{t.issuedOn(formatDate(new Date()))}</p>
        </footer>
      )}
    </main>
  );
}
