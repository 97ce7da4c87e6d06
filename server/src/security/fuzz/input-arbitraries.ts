import fc from "fast-check";
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from "graphql";
import { addDays, today } from "@tsunagu/calendar";

/**
 * fast-check arbitraries for GraphQL input values, built from the live schema's input types: every input object,
 * enum and scalar (ID, String, Int, Float, Boolean, custom ones such as DateTimeISO) is covered without naming them.
 *
 * Three tiers, chosen per case:
 *  - "plausible": well-formed and within the domain's ranges (short Japanese text, recent dates, valid times, small
 *    numbers, ids of real rows, few optional fields), so that cases pass validation and reach the services' rules,
 *    conflicts and the database;
 *  - "edgy": still well-formed for GraphQL, but boundary values are mixed in everywhere (empty and huge strings,
 *    emoji, NUL, lone surrogates, dates such as 2026-02-30, extreme numbers, long lists, explicit nulls);
 *  - "dirty": also breaks the GraphQL contract: wrong types, null for non-null, a required field left out, an unknown
 *    field added.
 *
 * Ids point at real rows most of the time: an IdRef names a table and an index, and is resolved to an id of that
 * table when the case runs (the tables change while the fuzzer writes). A VersionRef stands for the current
 * `version` of the row a sibling field points at, so optimistic-locking checks are passed as often as not.
 */
export class IdRef {
  constructor(
    readonly table: string | null,
    readonly index: number,
  ) {}
}
export class VersionRef {
  constructor(
    readonly table: string,
    readonly idField: string,
  ) {}
}

/** Tables that ids point into (the ones with a uuid `id`). */
export const ID_TABLES = [
  "area",
  "organization",
  "resource",
  "person",
  "consent",
  "support_plan",
  "support_meeting_group",
  "match",
  "follow_up_due",
  "follow_up_record",
  "resource_gap",
  "app_user",
  "attendance",
  "consultation_intake",
  "cooperation_request",
  "host_support",
  "meeting_record",
] as const;

const FIELD_TABLES: Record<string, string> = {
  personId: "person",
  matchId: "match",
  resourceId: "resource",
  resolvedResourceId: "resource",
  organizationId: "organization",
  areaId: "area",
  areaIds: "area",
  parentIds: "area",
  consentId: "consent",
  dueId: "follow_up_due",
  supportPlanId: "support_plan",
  supportMeetingGroupId: "support_meeting_group",
  coordinatorId: "app_user",
  memberIds: "app_user",
  resourceGapId: "resource_gap",
};

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** Which table an id field points into: by its name (`personId`), or for `id` by its owner (`UpdateSupportPlanInput`). */
export function tableFor(fieldName: string, ownerName: string): string | null {
  if (FIELD_TABLES[fieldName]) return FIELD_TABLES[fieldName];
  if (fieldName !== "id") return null;
  // A referral is a match seen by its host.
  const owner = snake(ownerName).replace("referral", "match");
  return [...ID_TABLES].filter((t) => owner.includes(t)).sort((a, b) => b.length - a.length)[0] ?? null;
}

type Arb = fc.Arbitrary<unknown>;
const w = (weight: number, arbitrary: Arb) => ({ weight, arbitrary });

const DAY = today();
const TEXTS = [
  "テスト",
  "居場所",
  "サロン",
  "体操",
  "子ども食堂",
  "ひきこもり",
  "みどり野",
  "a",
  "ｱｲｳ",
  "Ｔｅｓｔ",
  "カフェ",
  "就労体験",
  "畑",
];
const NASTY = [
  "\u0000",
  "a\u0000b",
  "😀👨‍👩‍👧",
  "\u202e逆さ",
  "'; DROP TABLE resource; --",
  "%_\\",
  "<script>alert(1)</script>",
  "\ud800",
  "null",
  "undefined",
  "0",
  "-1",
  "NaN",
  "Infinity",
  "1e999",
  "true",
  "{}",
  "[]",
  "\\u0000",
  "\r\n",
  "‮",
  "ﾃｽﾄ",
  "𠮷野家",
  "\u3000",
];
const text: Arb = fc.oneof(
  w(6, fc.constantFrom(...TEXTS)),
  w(3, fc.string({ unit: "grapheme", maxLength: 40 })),
  w(2, fc.constantFrom("", " ", "\t\n", "　")),
  w(1, fc.string({ unit: "binary", maxLength: 30 })),
  w(2, fc.constantFrom(...NASTY)),
  w(
    1,
    fc.integer({ min: 100, max: 6000 }).map((n) => "あ".repeat(n)),
  ),
  w(1, fc.constant("x".repeat(100_000))),
);
const date: Arb = fc.oneof(
  w(
    6,
    fc.integer({ min: -800, max: 400 }).map((d) => addDays(DAY, d)),
  ),
  w(2, fc.constant(DAY)),
  w(
    3,
    fc.constantFrom(
      "2026-02-30",
      "2025-02-29",
      "2026-13-01",
      "2026-1-1",
      "",
      "昨日",
      "2026-02-28T00:00:00Z",
      "0000-01-01",
      "9999-12-31",
      " 2026-01-01",
      "1899-12-31",
      "2026/04/01",
      "20260401",
      "2026-04-01\u0000",
      "１９９９-０１-０１",
    ),
  ),
);
const time: Arb = fc.oneof(
  w(
    6,
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  ),
  w(2, fc.constantFrom("24:00", "9:00", "12:60", "", "noon", "23:59:59", "-1:00", "１０:００")),
);
const email: Arb = fc.oneof(
  w(
    3,
    fc.constantFrom(
      "admin@example.jp",
      "coordinator@example.jp",
      "host@example.jp",
      "host2@example.jp",
      "viewer@example.jp",
      "ADMIN@EXAMPLE.JP ",
    ),
  ),
  w(3, fc.emailAddress()),
  w(2, fc.constantFrom("", "not-an-email", "@", "a@b", "山田@例え.jp")),
  w(1, text),
);
const phone: Arb = fc.oneof(
  w(4, fc.constantFrom("03-1234-5678", "０９０－１２３４－５６７８", "+81 3 1234 5678", "(042)555-0100")),
  w(2, fc.constantFrom("", "1", "abc", "0".repeat(40))),
  w(1, text),
);
const kana: Arb = fc.oneof(
  w(5, fc.constantFrom("テスト", "てすと", "ミドリノ", "ｶﾀｶﾅ", "カフェ・ド・テスト")),
  w(2, fc.constantFrom("", "漢字", "latin", "テスト1")),
  w(1, text),
);
const password: Arb = fc.oneof(w(2, fc.constant("tsunagu-demo-2026")), w(3, fc.string({ maxLength: 30 })), w(1, text));
const cursor: Arb = fc.oneof(
  w(
    3,
    fc
      .array(fc.oneof(fc.string({ maxLength: 12 }), fc.uuid(), fc.integer(), fc.constant(null)), { maxLength: 3 })
      .map((a) => Buffer.from(JSON.stringify(a)).toString("base64url")),
  ),
  w(
    2,
    fc
      .tuple(
        fc.constantFrom(
          "テスト",
          "2026-01-01T00:00:00.000Z",
          "2026-02-30T00:00:00.000Z",
          "not a date",
          "1e10",
          "a\u0000",
          "\ud800",
          "-1",
          "99999999999999999",
        ),
        fc.oneof(fc.uuid(), fc.constantFrom("", "g")),
      )
      .map((a) => Buffer.from(JSON.stringify(a)).toString("base64url")),
  ),
  w(2, fc.constantFrom("", "xyz", "!!!", "W10", "bnVsbA")),
  w(1, text),
);

/** Within the domain: what a careful user would type. */
const PLAUSIBLE = {
  text: fc.oneof(w(3, fc.constantFrom(...TEXTS)), w(1, fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }))),
  // Mostly the recent past (records cannot be dated in the future; transitions must not go back before the last one).
  date: fc.oneof(
    w(
      4,
      fc.integer({ min: -30, max: 0 }).map((d) => addDays(DAY, d)),
    ),
    w(
      1,
      fc.integer({ min: -400, max: 90 }).map((d) => addDays(DAY, d)),
    ),
  ),
  time: fc
    .tuple(fc.integer({ min: 6, max: 21 }), fc.constantFrom(0, 30))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  email: fc.oneof(
    w(1, fc.constantFrom("admin@example.jp", "coordinator@example.jp", "host@example.jp", "viewer@example.jp")),
    w(2, fc.emailAddress()),
  ),
  phone: fc.constantFrom("03-1234-5678", "042-555-0100", "090-1234-5678"),
  kana: fc.constantFrom("テスト", "てすと", "ミドリノ", "カフェ", "サロン"),
  password: fc.oneof(w(1, fc.constant("tsunagu-demo-2026")), w(1, fc.string({ minLength: 1, maxLength: 20 }))),
};
const PLAUSIBLE_INTS: [RegExp, [number, number]][] = [
  [/^first$/, [1, 50]],
  [/^fiscalYear$/, [2020, 2030]],
  [/^birthYear$/, [1940, 2010]],
  [/^(age|ageMin|ageMax)$/, [0, 100]],
  [/Meters$/, [100, 20_000]],
  [/Days$/, [1, 60]],
  [/^costPerSessionYen$/, [0, 1000]],
  [/^(capacity|openings)$/, [0, 30]],
  [/^sessions/, [0, 10]],
  [/^(nthWeeks|settlingCheckMonths)$/, [1, 4]],
];

function stringFor(name: string, owner: string, mode: Mode): Arb {
  if (mode === "plausible") {
    if (/On$/.test(name) || name === "dates" || name === "closedDates") return PLAUSIBLE.date;
    if (/Time$/.test(name) || (owner === "TimeWindowInput" && (name === "from" || name === "to")))
      return PLAUSIBLE.time;
    if (/[eE]mail$/.test(name)) return PLAUSIBLE.email;
    if (/Phone$/.test(name)) return PLAUSIBLE.phone;
    if (/Kana$/.test(name)) return PLAUSIBLE.kana;
    if (name === "password") return PLAUSIBLE.password;
    return PLAUSIBLE.text;
  }
  if (/On$/.test(name) || name === "dates" || name === "closedDates") return date;
  if (/Time$/.test(name) || (owner === "TimeWindowInput" && (name === "from" || name === "to"))) return time;
  if (/[eE]mail$/.test(name)) return email;
  if (/Phone$/.test(name)) return phone;
  if (/Kana$/.test(name)) return kana;
  if (name === "password") return password;
  if (name === "after") return cursor;
  return text;
}

function idFor(name: string, owner: string, mode: Mode): Arb {
  const table = tableFor(name, owner);
  if (mode === "plausible") return fc.nat().map((i) => new IdRef(table, i));
  return fc.oneof(
    w(
      7,
      fc.nat().map((i) => new IdRef(table, i)),
    ),
    w(
      1,
      fc.nat().map((i) => new IdRef(null, i)),
    ),
    w(2, fc.uuid()),
    w(
      2,
      fc.constantFrom(
        "",
        "not-a-uuid",
        "00000000-0000-0000-0000-000000000000",
        "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
        " 1",
        "1",
        "' OR 1=1 --",
        "\u0000",
      ),
    ),
    w(1, fc.integer()),
  );
}

function intFor(name: string, mode: Mode): Arb {
  if (mode === "plausible") {
    const [min, max] = PLAUSIBLE_INTS.find(([re]) => re.test(name))?.[1] ?? [0, 6];
    return fc.integer({ min, max });
  }
  const common = fc.oneof(
    w(6, fc.integer({ min: -3, max: 120 })),
    w(2, fc.constantFrom(0, -1, 1, 2147483647, -2147483648, 1_000_000, 2026, 2000, 2100, 1899, 65535)),
    w(1, fc.integer()),
  );
  if (name === "fiscalYear" || name === "birthYear")
    return fc.oneof(w(4, fc.integer({ min: 1890, max: 2110 })), w(1, common));
  if (name === "radiusMeters" || name === "maxTravelMeters")
    return fc.oneof(w(4, fc.integer({ min: -10, max: 120_000 })), w(1, common));
  return common;
}

const LATITUDES = new Set(["lat", "homeLat", "centerLat"]);
const LONGITUDES = new Set(["lng", "homeLng", "centerLng"]);

function floatFor(name: string, mode: Mode): Arb {
  if (mode === "plausible") {
    if (LATITUDES.has(name)) return fc.double({ min: 35.6, max: 35.8, noNaN: true });
    if (LONGITUDES.has(name)) return fc.double({ min: 139.3, max: 139.5, noNaN: true });
    return fc.double({ min: 0, max: 100, noNaN: true });
  }
  const common = fc.oneof(
    w(3, fc.double({ noNaN: true, noDefaultInfinity: true })),
    w(2, fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 0.1, 100, 100.0001, -0.0001)),
  );
  if (LATITUDES.has(name)) return fc.oneof(w(4, fc.double({ min: -95, max: 95, noNaN: true })), w(1, common));
  if (LONGITUDES.has(name)) return fc.oneof(w(4, fc.double({ min: -185, max: 185, noNaN: true })), w(1, common));
  return fc.oneof(w(3, fc.double({ min: -10, max: 110, noNaN: true })), w(1, common));
}

function scalarFor(type: GraphQLScalarType, name: string, owner: string, mode: Mode): Arb {
  switch (type.name) {
    case "ID":
      return idFor(name, owner, mode);
    case "String":
      return stringFor(name, owner, mode);
    case "Int":
      return intFor(name, mode);
    case "Float":
      return floatFor(name, mode);
    case "Boolean":
      return fc.boolean();
    case "DateTimeISO":
    case "DateTime":
      return fc.oneof(
        w(
          3,
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        w(1, fc.constantFrom("", "2026-02-30T00:00:00Z", "yesterday", "2026-04-01")),
      );
    default:
      // A custom scalar added later: plausible strings and numbers; its own parseValue decides.
      return fc.oneof(text, date, fc.integer());
  }
}

/** Values that break the GraphQL contract for almost any type. */
const WRONG: Arb = fc.constantFrom(
  null,
  "",
  "x",
  0,
  1.5,
  -1,
  true,
  [],
  {},
  ["x"],
  { a: 1 },
  2147483648,
  "2026-02-30",
  1e21,
  [[1]],
);

export type Mode = "plausible" | "edgy" | "dirty";
export const MODES: readonly Mode[] = ["plausible", "edgy", "dirty"];

export interface ArbContext {
  mode: Mode;
  /** Nesting guard for (hypothetical) recursive input types. */
  depth?: number;
}

/** A value for `type` in the place `name` of `owner` (an input type name, or the root field for arguments). */
export function valueFor(type: GraphQLInputType, name: string, owner: string, ctx: ArbContext): Arb {
  const clean = cleanValueFor(type, name, owner, ctx);
  return ctx.mode === "dirty" ? fc.oneof(w(12, clean), w(1, WRONG)) : clean;
}

function cleanValueFor(type: GraphQLInputType, name: string, owner: string, ctx: ArbContext): Arb {
  if (type instanceof GraphQLNonNull) return valueFor(type.ofType, name, owner, ctx);
  if (type instanceof GraphQLList) {
    const item = valueFor(type.ofType, name, owner, ctx);
    if (ctx.mode === "plausible") return fc.array(item, { maxLength: 3 });
    return fc.oneof(w(8, fc.array(item, { maxLength: 4 })), w(1, fc.array(item, { minLength: 15, maxLength: 60 })));
  }
  if (type instanceof GraphQLEnumType) {
    const values = type.getValues().map((v) => v.name);
    const valid = fc.constantFrom(...values);
    return ctx.mode === "dirty"
      ? fc.oneof(w(8, valid), w(1, fc.constantFrom(...values.map((v) => v.toLowerCase()), "", "UNKNOWN_VALUE")))
      : valid;
  }
  if (type instanceof GraphQLScalarType) return scalarFor(type, name, owner, ctx.mode);
  if (type instanceof GraphQLInputObjectType) return objectFor(type, ctx);
  return WRONG;
}

const isRequired = (f: GraphQLInputField | GraphQLArgument) =>
  f.type instanceof GraphQLNonNull && f.defaultValue === undefined;

function fieldArb(f: GraphQLInputField | GraphQLArgument, owner: string, ctx: ArbContext): Arb {
  const value = valueFor(f.type, f.name, owner, ctx);
  // Optional fields are sometimes explicitly null (clearing them, or rejected by Omittable).
  return f.type instanceof GraphQLNonNull || ctx.mode === "plausible"
    ? value
    : fc.oneof(w(6, value), w(1, fc.constant(null)));
}

/** An object with every required field and some of the optional ones; dirty ones may drop one or add a stranger. */
export function fieldsFor(
  fields: readonly (GraphQLInputField | GraphQLArgument)[],
  owner: string,
  ctx: ArbContext,
  siblings = true,
): fc.Arbitrary<Record<string, unknown>> {
  // A plausible client leaves out the page cursor (it has none to give).
  const used = ctx.mode === "plausible" ? fields.filter((f) => f.name !== "after") : fields;
  const model: Record<string, Arb> = {};
  for (const f of used) model[f.name] = fieldArb(f, owner, ctx);
  // expectedVersion follows the row its sibling id points at, as a client that just read it would send.
  const versionOf = siblings ? fields.find((f) => f.name === "expectedVersion") : undefined;
  const idField = fields.find((f) => f.name === "matchId" || f.name === "id");
  const table = idField ? tableFor(idField.name, owner) : null;
  if (versionOf && idField && table)
    model.expectedVersion = fc.oneof(
      w(3, fc.constant(new VersionRef(table, idField.name))),
      w(1, model.expectedVersion),
    );
  const required = used.filter(isRequired).map((f) => f.name);
  const record = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  if (ctx.mode === "plausible") {
    // Half of the plausible inputs fill in only a few optional fields: fewer cross-field rules to trip over.
    const optional = used.filter((f) => !isRequired(f)).map((f) => f.name);
    const sparse = fc
      .tuple(record, fc.subarray(optional))
      .map(([obj, keep]) =>
        Object.fromEntries(Object.entries(obj).filter(([k]) => required.includes(k) || keep.includes(k))),
      );
    return fc.oneof(record, sparse);
  }
  if (ctx.mode !== "dirty") return record;
  const sometimes = (weight: number, names: string[]): fc.Arbitrary<string | null> =>
    names.length
      ? fc.oneof({ weight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...names) })
      : fc.constant(null);
  const drop = sometimes(5, required);
  const extra = sometimes(7, ["unknownField", "__proto__x", "id2"]);
  return fc.tuple(record, drop, extra).map(([obj, drop, extra]) => {
    const out = { ...obj };
    if (drop) delete out[drop];
    if (extra) out[extra] = "x";
    return out;
  });
}

function objectFor(type: GraphQLInputObjectType, ctx: ArbContext): Arb {
  const depth = ctx.depth ?? 0;
  if (depth > 5) return fc.constant(null);
  return fieldsFor(Object.values(type.getFields()), type.name, { ...ctx, depth: depth + 1 });
}
