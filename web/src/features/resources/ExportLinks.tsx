import { useId, useState } from "react";
import type { SearchResourcesInput } from "../../gql/graphql";
import { searchMessages } from "../../messages";

const m = searchMessages.export;

type CsvEncoding = "utf8" | "cp932";

/** The server's export URL for the current filters (the same SearchResourcesInput the search sends). */
export function exportUrl(
  file: "resources.csv" | "resources.xlsx",
  input: SearchResourcesInput,
  encoding?: CsvEncoding,
) {
  const params = new URLSearchParams({ input: JSON.stringify(input) });
  if (encoding) params.set("encoding", encoding);
  return `/export/${file}?${params.toString()}`;
}

/** 「この条件で書き出す」: CSV (UTF-8 with BOM, or CP932 for older Excel), .xlsx, and the HSDS 3.0 package. */
export function ExportLinks({ input }: { input: SearchResourcesInput }) {
  const [encoding, setEncoding] = useState<CsvEncoding>("utf8");
  const selectId = useId();
  return (
    <section className="export-links" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`} className="export-links__heading">
        {m.heading}
      </h2>
      <p className="field__hint">{m.hint}</p>
      <div className="export-links__row">
        <label htmlFor={selectId}>{m.encodingLabel}</label>
        <select id={selectId} value={encoding} onChange={(e) => setEncoding(e.target.value as CsvEncoding)}>
          <option value="utf8">{m.utf8}</option>
          <option value="cp932">{m.cp932}</option>
        </select>
        <a
          className="button button--secondary button--small"
          href={exportUrl("resources.csv", input, encoding)}
          download
        >
          {m.csv}
        </a>
        <a className="button button--secondary button--small" href={exportUrl("resources.xlsx", input)} download>
          {m.xlsx}
        </a>
        <a className="button button--secondary button--small" href="/hsds/package.zip" download>
          {m.hsds}
        </a>
      </div>
    </section>
  );
}
