import type { EntityManager } from "typeorm";
import { OrganizationService } from "../organizations/organization.service.js";
import type { ImportedListing } from "./imported-listing.js";
import type { ArchivedHost, PlannedRow } from "./import-plan.js";

/**
 * The host organizations of an import, found by the name the file gives.
 *
 * A name whose only organizations are 廃止 gets a new organization of that name, not the archived one. 廃止 is a
 * coordinator's decision and an import must not undo it silently: the listing form refuses an archived host
 * (resource.service.ts), and a listing attached to one would sit under a host the screens no longer list. Reviving
 * it would be as silent. The preview names each such host (ARCHIVED_HOST in the report), so a coordinator who
 * knows it is the same group can restore the old organization before committing; the commit then finds it again.
 */
export interface ImportHosts {
  /** Name → id of the oldest organization of that name that is not 廃止. */
  ids: Map<string, string>;
  /** Names with no such organization: the commit creates them. */
  missing: string[];
  /** Of `missing`, the names that only 廃止 organizations have. */
  archived: Set<string>;
}

/** The host organization: the file's, else the publisher (the city that published the list). */
export const organizationNameOf = (l: ImportedListing) => (l.organizationName?.trim() || l.source.publisher).trim();

/** The organizations of these names: one query, however many names. */
export async function findHosts(tx: EntityManager, names: string[]): Promise<ImportHosts> {
  const wanted = [...new Set(names)];
  const ids = new Map<string, string>();
  const archived = new Set<string>();
  for (const o of await OrganizationService.byNames(tx, wanted)) {
    if (o.archived) archived.add(o.name);
    else if (!ids.has(o.name)) ids.set(o.name, o.id);
  }
  for (const name of ids.keys()) archived.delete(name);
  return { ids, missing: wanted.filter((n) => !ids.has(n)), archived };
}

/** The rows to create: only they are given a host (an update keeps its listing's). */
export const hostNamesOf = (rows: PlannedRow[]) =>
  rows.filter((r) => r.action === "CREATE" && r.listing).map((r) => organizationNameOf(r.listing!));

/** For the preview: each 廃止 host the file names, with the number of rows that would go to its new namesake. */
export async function archivedHostsOf(tx: EntityManager, rows: PlannedRow[]): Promise<ArchivedHost[]> {
  const names = hostNamesOf(rows);
  const { archived } = await findHosts(tx, names);
  const counts = new Map<string, number>();
  for (const n of names) if (archived.has(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, rows: count }));
}
