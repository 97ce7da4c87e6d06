import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../core/roles.js";
import { isJapanese } from "../core/validation-messages.js";
import { codesOf, createTestApp, type Gql, type GqlResult, type TestApp } from "../test/harness.js";

/** The settings screen's API: who may change what, and a Japanese message beside every field that is out of range. */
let t: TestApp;
let admin: Gql;
let coordinator: Gql;

const FIELDS = `requireSupportPlanForMatch firstCheckDays followUpMonths settlingCheckMonths postClosureIntervalMonths
  postClosureContacts onTimeGraceDays openWeekdays closedOnHolidays closedForYearEnd auditRetentionDays
  viewerCan { update }`;
const UPDATE = `mutation($input: UpdateMunicipalSettingsInput!) { updateMunicipalSettings(input: $input) { ${FIELDS} } }`;
const read = async (as: Gql) =>
  ((await as(`{ municipalSettings { ${FIELDS} } }`)).data as { municipalSettings: Record<string, unknown> })
    .municipalSettings;

/** `extensions.fields` of a refused update, as { field: messages }. */
const fieldMessages = (r: GqlResult): Record<string, string[]> =>
  Object.fromEntries(
    (r.errors ?? []).flatMap((e) =>
      ((e.extensions?.fields ?? []) as { field: string; messages: string[] }[]).map((f) => [f.field, f.messages]),
    ),
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asViewer(await t.factories.user({ role: UserRole.ADMIN }));
  coordinator = await t.asViewer(await t.factories.user({ role: UserRole.COORDINATOR }));
});
afterAll(() => t.close());

describe("municipalSettings", () => {
  it("any staff member reads them; only an administrator is told it may change them", async () => {
    expect(await read(admin)).toMatchObject({ followUpMonths: 3, openWeekdays: ["MON", "TUE", "WED", "THU", "FRI"] });
    expect((await read(admin)).viewerCan).toEqual({ update: true });
    expect((await read(coordinator)).viewerCan).toEqual({ update: false });
  });

  it("an administrator changes only the fields sent; weekdays come back in calendar order, check months sorted once", async () => {
    const before = await read(admin);
    const res = await admin(UPDATE, {
      input: { followUpMonths: 6, openWeekdays: ["SAT", "MON", "MON"], settlingCheckMonths: [12, 6, 6] },
    });
    expect(res.errors).toBeUndefined();
    const after = await read(admin);
    expect(after).toEqual({
      ...before,
      followUpMonths: 6,
      openWeekdays: ["MON", "SAT"],
      settlingCheckMonths: [6, 12],
    });
    await admin(UPDATE, {
      input: {
        followUpMonths: before.followUpMonths,
        openWeekdays: before.openWeekdays,
        settlingCheckMonths: before.settlingCheckMonths,
      },
    });
  });

  it("a coordinator may not change them (FORBIDDEN, nothing written)", async () => {
    const res = await coordinator(UPDATE, { input: { followUpMonths: 9 } });
    expect(codesOf(res)).toEqual(["FORBIDDEN"]);
    expect((await read(admin)).followUpMonths).toBe(3);
  });

  it("every out-of-range value is refused beside its field, in Japanese, and nothing of the input is saved", async () => {
    const before = await read(admin);
    const res = await admin(UPDATE, {
      input: {
        followUpMonths: 25,
        firstCheckDays: 0,
        postClosureIntervalMonths: 13,
        postClosureContacts: -1,
        onTimeGraceDays: 61,
        auditRetentionDays: 100,
        openWeekdays: [],
        settlingCheckMonths: [1, 2, 3, 4, 5, 6, 7],
        closedOnHolidays: null,
        requireSupportPlanForMatch: null,
      },
    });
    expect(codesOf(res)).toEqual(["BAD_USER_INPUT"]);
    const messages = fieldMessages(res);
    expect(messages).toEqual({
      "input.followUpMonths": ["24か月以内にしてください"],
      "input.firstCheckDays": ["1日以上にしてください"],
      "input.postClosureIntervalMonths": ["12か月以内にしてください"],
      "input.postClosureContacts": ["0回以上にしてください"],
      "input.onTimeGraceDays": ["60日以内にしてください"],
      "input.auditRetentionDays": ["365日以上にしてください"],
      "input.openWeekdays": ["開いている曜日を1つ以上選んでください"],
      "input.settlingCheckMonths": ["定着確認は6回までにしてください"],
      "input.closedOnHolidays": [expect.any(String)],
      "input.requireSupportPlanForMatch": [expect.any(String)],
    });
    for (const list of Object.values(messages)) for (const m of list) expect(isJapanese(m), m).toBe(true);
    expect(await read(admin)).toEqual(before);
  });

  it("a check month outside 1〜24, or no list at all, is refused beside 定着確認の時期", async () => {
    const before = await read(admin);
    const late = await admin(UPDATE, { input: { followUpMonths: 4, settlingCheckMonths: [3, 25] } });
    expect(fieldMessages(late)).toEqual({ "input.settlingCheckMonths": ["定着確認は1〜24か月の間で指定してください"] });
    const none = await admin(UPDATE, { input: { settlingCheckMonths: null } });
    expect(codesOf(none)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldMessages(none)).toEqual({ "input.settlingCheckMonths": ["定着確認の時期を指定してください"] });
    expect(await read(admin)).toEqual(before);
  });
});
