import { getMetadataStorage as validatorMetadata, validate } from "class-validator";
import { getMetadataStorage as typeGraphqlMetadata } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "./roles.js";
import { getSchema } from "../schema.js";
import { createTestApp, type Gql, type GqlResult, type TestApp } from "../test/harness.js";
import { fieldErrorsFromValidation } from "./errors.js";
import { FALLBACK_MESSAGE, builtInMessage, isJapanese } from "./validation-messages.js";

/** Every message a person can read in `extensions.fields` is Japanese, including class-validator's built-in checks. */
let t: TestApp;
let admin: Gql;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
});
afterAll(() => t.close());

const fieldMessages = (r: GqlResult) => (r.errors ?? []).flatMap((e) => e.extensions?.fields ?? []);

describe("built-in constraints without a message of their own", () => {
  it("answer a Japanese sentence with the decorator's bound", async () => {
    const tooRecent = await admin(
      `query($n: Int!) { searchResources(first: 5, input: { verifiedWithinDays: $n }) { totalCount } }`,
      { n: 0 },
    );
    expect(fieldMessages(tooRecent)).toEqual([
      { field: "input.verifiedWithinDays", messages: ["1以上の値を入力してください"] },
    ]);

    const tooManyKinds = await admin(
      `query($k: [ResourceKind!]) { searchResources(first: 5, input: { kinds: $k }) { totalCount } }`,
      { k: Array.from({ length: 51 }, () => "SALON") },
    );
    expect(fieldMessages(tooManyKinds)).toEqual([{ field: "input.kinds", messages: ["50個以内で指定してください"] }]);

    const longCursor = await admin(`query($a: String) { persons(first: 5, after: $a) { totalCount } }`, {
      a: "x".repeat(501),
    });
    expect(fieldMessages(longCursor)).toEqual([{ field: "after", messages: ["500文字以内で入力してください"] }]);
  });

  it("end graphql-js's list of variable errors, cut at 50, with a Japanese sentence and BAD_USER_INPUT", async () => {
    const res = await admin(
      `query($k: [ResourceKind!]) { searchResources(first: 5, input: { kinds: $k }) { totalCount } }`,
      { k: Array.from({ length: 60 }, (_, i) => `NOPE_${i}`) },
    );
    expect(res.errors!.length).toBeGreaterThan(50);
    expect(res.errors!.at(-1)!.message).toBe(
      "入力の誤りが多すぎるため、確認を打ち切りました。入力内容を確認してください",
    );
    expect(res.errors!.at(-1)!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("say so for each item of a list", () => {
    expect(builtInMessage("maxLength", [40], true)).toBe("40文字以内で入力してください (各項目)");
  });
});

/** A value that breaks the named constraint, for the constraints the schema's inputs use (undefined: no generic one). */
function violating(constraint: string, args: readonly unknown[]): unknown {
  switch (constraint) {
    case "min":
      return Number(args[0]) - 1;
    case "max":
      return Number(args[0]) + 1;
    case "isInt":
      return 1.5;
    case "isNumber":
    case "isLatitude":
    case "isLongitude":
      return 999.5;
    case "isString":
    case "isBoolean":
    case "isEnum":
    case "isIn":
    case "isDate":
      return 12;
    case "maxLength":
      return "あ".repeat(Number(args[0]) + 1);
    case "minLength":
    case "isNotEmpty":
      return "";
    case "arrayMaxSize":
      return Array.from({ length: Number(args[0]) + 1 }, () => "x");
    case "isUuid":
    case "isEmail":
    case "isCalendarDate":
    case "isTimeOfDay":
      return "not-valid";
    case "matches":
      return "\u0001";
    case "isReading":
      return "abc";
    case "notInFuture":
      return "2999-12-31";
    case "nestedValidation":
      return "not an object";
    default:
      return undefined;
  }
}

interface Decorator {
  name?: string;
  type: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

describe("every constraint of every input type of the schema", () => {
  it("reaches extensions.fields in Japanese when broken", async () => {
    await getSchema();
    const storage = typeGraphqlMetadata();
    const classes = new Set([...storage.inputTypes, ...storage.argumentTypes].map((c) => c.target));
    const exercised: string[] = [];
    const notJapanese: string[] = [];
    for (const cls of classes) {
      const decorators = validatorMetadata().getTargetValidationMetadatas(cls, "", true, false) as Decorator[];
      for (const d of decorators) {
        const constraint = d.name ?? d.type;
        const bad = violating(constraint, d.constraints ?? []);
        if (bad === undefined) continue;
        const instance = Object.assign(Object.create(cls.prototype as object), {
          [d.propertyName]: d.each ? [bad] : bad,
        });
        const errors = await validate(instance, { forbidUnknownValues: false, skipMissingProperties: false });
        const broken = errors.find((e) => e.property === d.propertyName);
        if (!broken?.constraints?.[constraint] && !broken?.children?.length) continue;
        exercised.push(`${cls.name}.${d.propertyName} ${constraint}`);
        for (const { field, messages } of fieldErrorsFromValidation(errors)) {
          for (const message of messages)
            if (!isJapanese(message)) notJapanese.push(`${cls.name}.${field}: ${message}`);
        }
      }
    }
    expect(notJapanese).toEqual([]);
    // The walk reached the schema's inputs (a few hundred constraints), including the ones the issue named.
    expect(exercised.length).toBeGreaterThan(200);
    expect(exercised).toEqual(
      expect.arrayContaining([
        "SearchResourcesInput.verifiedWithinDays min",
        "SearchResourcesInput.kinds arrayMaxSize",
        "PageArgs.after maxLength",
      ]),
    );
  });

  it("has a sentence of its own for each built-in constraint the inputs use, so none falls back to the generic one", async () => {
    await getSchema();
    const storage = typeGraphqlMetadata();
    const missing = new Set<string>();
    for (const c of [...storage.inputTypes, ...storage.argumentTypes]) {
      for (const d of validatorMetadata().getTargetValidationMetadatas(c.target, "", true, false) as (Decorator & {
        message?: unknown;
      })[]) {
        // Optional markers never fail; a @Validate(Class) constraint brings its own default message.
        if (d.message !== undefined || d.type === "conditionalValidation" || (d.type === "customValidation" && !d.name))
          continue;
        if (!builtInMessage(d.name ?? d.type, d.constraints)) missing.add(d.name ?? d.type);
      }
    }
    expect([...missing]).toEqual([]);
    expect(FALLBACK_MESSAGE).toMatch(/入力内容/);
  });
});
