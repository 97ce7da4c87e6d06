import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import type { Readable } from "node:stream";
import JSZip from "jszip";
import type { SearchResourcesInput } from "../search/search.inputs.js";
import { toHsdsOrganization, toHsdsService } from "./hsds-mapper.js";
import { hsdsTaxonomies, hsdsTaxonomyTerms } from "./hsds-taxonomy.js";
import type { HsdsDirectoryService } from "./hsds.service.js";
import {
  TABLES,
  TABLE_NAMES,
  csvLine,
  datapackage,
  rowsOfOrganization,
  rowsOfService,
  type Row,
  type TableName,
} from "./hsds-tables.js";

/**
 * The HSDS 3.0 tabular package as one .zip: a CSV per table and `datapackage.json`. Tables are written to temporary
 * files as listings stream in (batches of 1,000), then zipped from those files, so 100,000 listings never sit in
 * memory at once. `done()` removes the files once the zip has been sent.
 */
export async function writeHsdsPackage(
  hsds: HsdsDirectoryService,
  input?: SearchResourcesInput,
): Promise<{ zip: Readable; done: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "tsunagu-hsds-"));
  try {
    const files = new Map<TableName, WriteStream>();
    for (const name of TABLE_NAMES) {
      const file = createWriteStream(path.join(dir, TABLES[name].path));
      file.write(csvLine([...TABLES[name].columns]));
      files.set(name, file);
    }
    const write = async (rows: [TableName, Row][]) => {
      for (const [table, row] of rows) {
        const file = files.get(table)!;
        if (!file.write(csvLine(TABLES[table].columns.map((c) => row[c])))) await once(file, "drain");
      }
    };
    await write(hsdsTaxonomies().map((t) => ["taxonomy", { ...t }]));
    await write(hsdsTaxonomyTerms().map((t) => ["taxonomy_term", { ...t }]));
    for await (const organizations of hsds.allOrganizations()) {
      for (const o of organizations) await write(rowsOfOrganization(toHsdsOrganization(o)));
    }
    for await (const { resources } of hsds.allServices(input)) {
      for (const r of resources) await write(rowsOfService(toHsdsService(r)));
    }
    await Promise.all([...files.values()].map((f) => new Promise((resolve) => f.end(resolve))));

    const zip = new JSZip();
    zip.file("datapackage.json", JSON.stringify(datapackage(new Date()), null, 2));
    for (const name of TABLE_NAMES) zip.file(TABLES[name].path, createReadStream(path.join(dir, TABLES[name].path)));
    const stream = zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE" });
    return { zip: stream as unknown as Readable, done: () => rm(dir, { recursive: true, force: true }) };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
