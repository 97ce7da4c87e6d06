import { today } from "@tsunagu/calendar";
import { getMetadataStorage as validatorMetadata } from "class-validator";
import { getNamedType, isInputObjectType } from "graphql";
import { getMetadataStorage as typeGraphqlMetadata } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "./roles.js";
import { getSchema } from "../schema.js";
import { codesOf, createTestApp, type Gql, type TestApp } from "../test/harness.js";
import { DATE_MESSAGE } from "./validators.js";

let t: TestApp;
let coordinator: Gql;
let coordinatorId: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await t.factories.user({ role: UserRole.COORDINATOR });
  coordinatorId = user.id;
  coordinator = await t.asViewer(user);
});
afterAll(() => t.close());

const RECORD_CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id givenOn } } }`;
const consentInput = (givenOn: unknown) => ({
  personId: "00000000-0000-4000-8000-000000000000",
  purpose: "HOST_REFERRAL",
  facts: ["DISPLAY_NAME"],
  method: "WRITTEN",
  givenOn,
});

describe("LocalDate (YYYY-MM-DD, a day that exists)", () => {
  it("refuses a day that does not exist as BAD_USER_INPUT, naming the field, in Japanese", async () => {
    for (const bad of ["2026-02-30", "2026-2-3", "2026-11-22T10:00:00+09:00", ""]) {
      const res = await coordinator(RECORD_CONSENT, { input: consentInput(bad) });
      expect([bad, codesOf(res), res.errors?.[0]?.extensions?.fields]).toEqual([
        bad,
        ["BAD_USER_INPUT"],
        [{ field: "input.givenOn", messages: [DATE_MESSAGE] }],
      ]);
    }
  });

  it("refuses what is no string at all before any resolver runs, in Japanese", async () => {
    for (const bad of [20261122, true, { y: 2026 }]) {
      const res = await coordinator(RECORD_CONSENT, { input: consentInput(bad) });
      expect(res.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[DATE_MESSAGE, "BAD_USER_INPUT"]]);
    }
    const literal = await coordinator(
      `mutation { recordConsent(input: { personId: "00000000-0000-4000-8000-000000000000", purpose: HOST_REFERRAL,
        facts: [DISPLAY_NAME], method: WRITTEN, givenOn: 20261122 }) { consent { id } } }`,
    );
    expect(literal.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[DATE_MESSAGE, "BAD_USER_INPUT"]]);
  });

  it("lets a real day through to the service (here: a person that does not exist)", async () => {
    const res = await coordinator(RECORD_CONSENT, { input: consentInput("2026-11-22") });
    expect(codesOf(res)).toEqual(["NOT_FOUND"]);
  });

  it("answers the stored day as it is", async () => {
    const person = await t.factories.person({ coordinatorId });
    const res = await coordinator(RECORD_CONSENT, { input: { ...consentInput(today()), personId: person.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordConsent.consent.givenOn).toBe(today());
  });

  it("is checked to be a real day on every input field of the schema that carries one", async () => {
    const schema = await getSchema();
    const inputClasses = new Map(typeGraphqlMetadata().inputTypes.map((i) => [i.name, i.target]));
    const dateFields: string[] = [];
    const unchecked: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name !== "LocalDate") continue;
        dateFields.push(`${type.name}.${field.name}`);
        const target = inputClasses.get(type.name)!;
        const constraints = validatorMetadata().getTargetValidationMetadatas(target, "", true, false);
        if (!constraints.some((c) => c.propertyName === field.name && c.name === "isCalendarDate"))
          unchecked.push(`${type.name}.${field.name}`);
      }
    }
    expect(dateFields).toEqual(expect.arrayContaining(["RecordConsentInput.givenOn", "ScheduleInput.closedDates"]));
    expect(unchecked).toEqual([]);
  });
});
