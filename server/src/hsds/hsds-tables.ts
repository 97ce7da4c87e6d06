import type { HsdsOrganization, HsdsService } from "./hsds.types.js";

/**
 * The tables of the HSDS 3.0 tabular package that tsunagu fills: each table's file and its columns, in the order of
 * the standard's per-table schemas (schema/<table>.json of HSDS 3.0). `numbers` are the columns typed number there.
 */
export const TABLES = {
  organization: {
    path: "organizations.csv",
    columns: [
      "id",
      "name",
      "alternate_name",
      "description",
      "email",
      "website",
      "tax_status",
      "tax_id",
      "year_incorporated",
      "legal_status",
      "logo",
      "uri",
      "parent_organization_id",
    ],
    numbers: ["year_incorporated"],
  },
  service: {
    path: "services.csv",
    columns: [
      "id",
      "organization_id",
      "program_id",
      "name",
      "alternate_name",
      "description",
      "url",
      "email",
      "status",
      "interpretation_services",
      "application_process",
      "fees_description",
      "wait_time",
      "fees",
      "accreditations",
      "eligibility_description",
      "minimum_age",
      "maximum_age",
      "assured_date",
      "assurer_email",
      "licenses",
      "alert",
      "last_modified",
    ],
    numbers: ["minimum_age", "maximum_age"],
  },
  location: {
    path: "locations.csv",
    columns: [
      "id",
      "location_type",
      "url",
      "organization_id",
      "name",
      "alternate_name",
      "description",
      "transportation",
      "latitude",
      "longitude",
      "external_identifier",
      "external_identifier_type",
    ],
    numbers: ["latitude", "longitude"],
  },
  service_at_location: {
    path: "service_at_location.csv",
    columns: ["id", "service_id", "location_id", "description"],
    numbers: [],
  },
  address: {
    path: "addresses.csv",
    columns: [
      "id",
      "location_id",
      "attention",
      "address_1",
      "address_2",
      "city",
      "region",
      "state_province",
      "postal_code",
      "country",
      "address_type",
    ],
    numbers: [],
  },
  phone: {
    path: "phones.csv",
    columns: [
      "id",
      "location_id",
      "service_id",
      "organization_id",
      "contact_id",
      "service_at_location_id",
      "number",
      "extension",
      "type",
      "description",
    ],
    numbers: ["extension"],
  },
  schedule: {
    path: "schedules.csv",
    columns: [
      "id",
      "service_id",
      "location_id",
      "service_at_location_id",
      "valid_from",
      "valid_to",
      "dtstart",
      "timezone",
      "until",
      "count",
      "wkst",
      "freq",
      "interval",
      "byday",
      "byweekno",
      "bymonthday",
      "byyearday",
      "description",
      "opens_at",
      "closes_at",
      "schedule_link",
      "attending_type",
      "notes",
    ],
    numbers: ["timezone", "count", "interval"],
  },
  contact: {
    path: "contacts.csv",
    columns: [
      "id",
      "organization_id",
      "service_id",
      "service_at_location_id",
      "location_id",
      "name",
      "title",
      "department",
      "email",
    ],
    numbers: [],
  },
  cost_option: {
    path: "cost_options.csv",
    columns: ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"],
    numbers: ["amount"],
  },
  accessibility: {
    path: "accessibility.csv",
    columns: ["id", "location_id", "description", "details", "url"],
    numbers: [],
  },
  taxonomy: {
    path: "taxonomies.csv",
    columns: ["id", "name", "description", "uri", "version"],
    numbers: [],
  },
  taxonomy_term: {
    path: "taxonomy_terms.csv",
    columns: ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"],
    numbers: [],
  },
  attribute: {
    path: "attributes.csv",
    columns: ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
    numbers: [],
  },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export type Row = Record<string, unknown>;

const scalars = (o: object): Row =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v === null || typeof v !== "object"));

/** A full service as rows of the package's tables (its location, schedules, phones, attributes…). */
export function rowsOfService(s: HsdsService): [TableName, Row][] {
  const out: [TableName, Row][] = [["service", scalars(s)]];
  for (const p of s.phones ?? []) out.push(["phone", scalars(p)]);
  for (const x of s.schedules ?? []) out.push(["schedule", scalars(x)]);
  for (const c of s.contacts ?? []) out.push(["contact", scalars(c)]);
  for (const c of s.cost_options ?? []) out.push(["cost_option", scalars(c)]);
  for (const a of s.attributes ?? []) out.push(["attribute", scalars(a)]);
  for (const at of s.service_at_locations ?? []) {
    out.push(["service_at_location", scalars(at)]);
    if (!at.location) continue;
    out.push(["location", scalars(at.location)]);
    for (const a of at.location.addresses ?? []) out.push(["address", scalars(a)]);
    for (const a of at.location.accessibility ?? []) out.push(["accessibility", scalars(a)]);
  }
  return out;
}

export function rowsOfOrganization(o: HsdsOrganization): [TableName, Row][] {
  const out: [TableName, Row][] = [["organization", scalars(o)]];
  for (const p of o.phones ?? []) out.push(["phone", scalars(p)]);
  for (const c of o.contacts ?? []) out.push(["contact", scalars(c)]);
  for (const a of o.attributes ?? []) out.push(["attribute", scalars(a)]);
  return out;
}

/** `datapackage.json` (Frictionless tabular data package) describing the files. */
export function datapackage(created: Date) {
  return {
    name: "tsunagu-hsds",
    title: "tsunagu 社会資源 (HSDS 3.0)",
    profile: "tabular-data-package",
    version: "3.0.0",
    created: created.toISOString(),
    homepage: "https://docs.openreferral.org",
    resources: TABLE_NAMES.map((name) => ({
      name,
      path: TABLES[name].path,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      profile: "tabular-data-resource",
      schema: {
        primaryKey: "id",
        fields: TABLES[name].columns.map((c) => ({
          name: c,
          type: (TABLES[name].numbers as readonly string[]).includes(c) ? "number" : "string",
        })),
      },
    })),
  };
}

/** One CSV line (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvLine(values: unknown[]): string {
  return (
    values
      .map((v) => {
        const s =
          typeof v === "string"
            ? v
            : typeof v === "number" || typeof v === "boolean"
              ? String(v)
              : v == null
                ? ""
                : JSON.stringify(v);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(",") + "\r\n"
  );
}
