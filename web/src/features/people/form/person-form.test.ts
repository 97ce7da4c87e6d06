import { makeFragmentData } from "../../../gql";
import { NEEDS_PROFILE_FRAGMENT } from "../needs-profile.fragment";
import { describe, expect, it } from "vitest";
import type { PersonForm_PersonFragment } from "../../../gql/graphql";
import {
  initialNewPersonForm,
  personFormFrom,
  splitActivities,
  toCreatePersonInput,
  toUpdatePersonInput,
  type NewPersonFormState,
} from "./person-form";
import {
  goalsOf,
  newPlanForm,
  planFormFrom,
  toCreateSupportPlanInput,
  toUpdateSupportPlanInput,
} from "./support-plan-form";

const TODAY = "2026-11-22";

const EMPTY_NEEDS_INPUT = {
  wantedActivities: [],
  wantedKinds: [],
  targetGroups: [],
  weekdays: [],
  timeBands: [],
  mobility: "UNKNOWN",
  maxTravelMeters: null,
  groupSize: "ANY",
  roles: [],
  accessibility: [],
  freeOnly: false,
  wishes: "",
  strengths: "",
  otherPreferences: "",
};

/** A new-person form with a name and the given basis. */
function filled(patch: (form: NewPersonFormState) => void): NewPersonFormState {
  const form = initialNewPersonForm(TODAY);
  form.person.displayName = "  葵さん ";
  patch(form);
  return form;
}

const loaded: PersonForm_PersonFragment = {
  id: "p-1",
  version: 4,
  displayName: "青木 昭",
  nameKana: "アオキ アキラ",
  birthYear: 1958,
  ageBand: "AGE_65_74",
  area: { id: "a-1" },
  participationLevel: "GOES_OUT",
  contactPreference: "PHONE",
  contactNote: "夕方以降に",
  householdIssues: ["EIGHTY_FIFTY"],
  householdCircumstances: [],
  householdNote: "母と二人暮らし",
  certificates: [],
  needs: makeFragmentData(
    {
      wantedActivities: ["囲碁", "木工"],
      wantedKinds: ["SALON"],
      targetGroups: ["ELDERLY"],
      weekdays: ["TUE", "WED"],
      timeBands: ["MORNING"],
      mobility: "BICYCLE",
      maxTravelMeters: 2000,
      groupSize: "SMALL_GROUP",
      roles: ["VOLUNTEER"],
      accessibility: ["STEP_FREE"],
      freeOnly: true,
      wishes: "教えられることがあれば手伝いたい",
      strengths: "運転が得意",
      otherPreferences: "",
    },
    NEEDS_PROFILE_FRAGMENT,
  ),
};

describe("toCreatePersonInput", () => {
  it("asks for a name and for the basis, sending nothing", () => {
    const checked = toCreatePersonInput(initialNewPersonForm(TODAY));
    expect(checked).toEqual({
      ok: false,
      errors: {
        displayName: ["表示名または仮名を入力してください"],
        consent: ["「本人の同意がある」か「支援会議で扱う」のどちらかを選んでください"],
      },
    });
  });

  it("registers on a 支援会議 with the group only (no consent), and the profile as typed, trimmed", () => {
    const checked = toCreatePersonInput(
      filled((f) => {
        f.basis.kind = "MEETING";
        f.basis.supportMeetingGroupId = "g-1";
        f.person.ageBand = "AGE_18_29";
        f.person.contactNote = " 母を通じて ";
      }),
    );
    expect(checked).toEqual({
      ok: true,
      input: {
        displayName: "葵さん",
        nameKana: null,
        birthYear: null,
        ageBand: "AGE_18_29",
        areaId: null,
        participationLevel: "NO_CONTACT",
        contactPreference: null,
        contactNote: "母を通じて",
        householdIssues: [],
        householdCircumstances: [],
        householdNote: "",
        certificates: [],
        needs: EMPTY_NEEDS_INPUT,
        registeredOn: TODAY,
        supportMeetingGroupId: "g-1",
      },
    });
  });

  it("needs the 支援会議 chosen when registering on one", () => {
    const checked = toCreatePersonInput(
      filled((f) => {
        f.basis.kind = "MEETING";
      }),
    );
    expect(checked).toEqual({ ok: false, errors: { supportMeetingGroupId: ["支援会議を選んでください"] } });
  });

  it("records a referral consent with its facts and specific host; a birth year leaves the age band to the server", () => {
    const checked = toCreatePersonInput(
      filled((f) => {
        f.person.birthYear = "1958";
        f.person.ageBand = "AGE_30_39"; // chosen before the year was typed: the year wins, on the server
        f.basis.kind = "CONSENT";
        f.basis.supportMeetingGroupId = "g-1"; // chosen, then the other basis: never both
        Object.assign(f.basis.consent, {
          facts: ["DISPLAY_NAME", "AREA"],
          hostScope: "SPECIFIC",
          organization: { id: "o-1", name: "若葉会" },
          method: "WRITTEN",
          expiresOn: "2027-11-21",
          note: " 紹介まで ",
        });
      }),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.input).not.toHaveProperty("ageBand");
    expect(checked.input).not.toHaveProperty("supportMeetingGroupId");
    expect(checked.input.birthYear).toBe(1958);
    expect(checked.input.consent).toEqual({
      purpose: "HOST_REFERRAL",
      facts: ["DISPLAY_NAME", "AREA"],
      organizationId: "o-1",
      method: "WRITTEN",
      givenOn: TODAY,
      expiresOn: "2027-11-21",
      note: "紹介まで",
    });
  });

  it("sends no facts nor host for a consent that is not for a referral", () => {
    const checked = toCreatePersonInput(
      filled((f) => {
        f.basis.kind = "CONSENT";
        Object.assign(f.basis.consent, {
          purpose: "SUPPORT_PLAN",
          hostScope: "SPECIFIC",
          organization: null,
          method: "VERBAL",
        });
      }),
    );
    expect(checked.ok && checked.input.consent).toEqual({
      purpose: "SUPPORT_PLAN",
      facts: [],
      organizationId: null,
      method: "VERBAL",
      givenOn: TODAY,
      expiresOn: null,
      note: "",
    });
  });

  it("asks for the consent's method and date, the chosen host, and a 4-digit birth year", () => {
    const checked = toCreatePersonInput(
      filled((f) => {
        f.person.birthYear = "58";
        f.basis.kind = "CONSENT";
        Object.assign(f.basis.consent, { givenOn: "", hostScope: "SPECIFIC" });
      }),
    );
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors).sort()).toEqual([
      "birthYear",
      "consent.givenOn",
      "consent.method",
      "consent.organizationId",
    ]);
  });

  it("refuses a birth year after this year, as the server does", () => {
    const checked = toCreatePersonInput(
      filled((f) => {
        f.person.birthYear = "2999";
      }),
    );
    expect(!checked.ok && checked.errors.birthYear).toEqual(["生まれ年に今年より後の年は入力できません"]);
  });

  it("splits the activities on Japanese and Latin commas, dropping blanks and repeats", () => {
    expect(splitActivities("体操、料理, 畑，料理、 ")).toEqual(["体操", "料理", "畑"]);
    const checked = toCreatePersonInput(
      filled((f) => {
        f.basis.kind = "MEETING";
        f.basis.supportMeetingGroupId = "g-1";
        Object.assign(f.person.needs, {
          wantedActivities: "囲碁、木工",
          maxTravelMeters: "1500",
          freeOnly: true,
          wishes: " 人と話したい ",
        });
      }),
    );
    expect(checked.ok && checked.input.needs).toEqual({
      ...EMPTY_NEEDS_INPUT,
      wantedActivities: ["囲碁", "木工"],
      maxTravelMeters: 1500,
      freeOnly: true,
      wishes: "人と話したい",
    });
  });
});

describe("toUpdatePersonInput", () => {
  it("prefills from the loaded person and sends every field back unchanged, with the loaded version", () => {
    const form = personFormFrom(loaded);
    expect(form.needs.wantedActivities).toBe("囲碁、木工");
    expect(form.needs.maxTravelMeters).toBe("2000");
    expect(toUpdatePersonInput("p-1", 4, form)).toEqual({
      ok: true,
      input: {
        id: "p-1",
        expectedVersion: 4,
        displayName: "青木 昭",
        nameKana: "アオキ アキラ",
        birthYear: 1958,
        areaId: "a-1",
        participationLevel: "GOES_OUT",
        contactPreference: "PHONE",
        contactNote: "夕方以降に",
        householdIssues: ["EIGHTY_FIFTY"],
        householdCircumstances: [],
        householdNote: "母と二人暮らし",
        certificates: [],
        needs: {
          wantedActivities: ["囲碁", "木工"],
          wantedKinds: ["SALON"],
          targetGroups: ["ELDERLY"],
          weekdays: ["TUE", "WED"],
          timeBands: ["MORNING"],
          mobility: "BICYCLE",
          maxTravelMeters: 2000,
          groupSize: "SMALL_GROUP",
          roles: ["VOLUNTEER"],
          accessibility: ["STEP_FREE"],
          freeOnly: true,
          wishes: "教えられることがあれば手伝いたい",
          strengths: "運転が得意",
          otherPreferences: "",
        },
      },
    });
  });

  it("clears what was emptied: no birth year sends the chosen band, no area or distance sends null, no kana asks the server for one", () => {
    const form = {
      ...personFormFrom(loaded),
      birthYear: "",
      ageBand: "AGE_65_74" as const,
      areaId: "",
      nameKana: " ",
      contactPreference: "" as const,
    };
    form.needs = { ...form.needs, maxTravelMeters: "" };
    const checked = toUpdatePersonInput("p-1", 4, form);
    expect(checked.ok && checked.input).toMatchObject({
      birthYear: null,
      ageBand: "AGE_65_74",
      areaId: null,
      nameKana: null,
      contactPreference: null,
      needs: { maxTravelMeters: null },
    });
  });

  it("loads and sends the 手帳 held; a new form starts with none and with 移動の手段 未確認", () => {
    const form = personFormFrom({ ...loaded, certificates: ["MENTAL", "PHYSICAL"] });
    expect(form.certificates).toEqual(["MENTAL", "PHYSICAL"]);
    const checked = toUpdatePersonInput("p-1", 4, { ...form, certificates: ["MENTAL"] });
    expect(checked.ok && checked.input.certificates).toEqual(["MENTAL"]);
    const fresh = initialNewPersonForm(TODAY).person;
    expect(fresh.certificates).toEqual([]);
    expect(fresh.needs.mobility).toBe("UNKNOWN");
  });

  it("refuses an empty name", () => {
    expect(toUpdatePersonInput("p-1", 4, { ...personFormFrom(loaded), displayName: " " })).toEqual({
      ok: false,
      errors: { displayName: ["表示名または仮名を入力してください"] },
    });
  });
});

describe("support plan form", () => {
  it("creates with one goal a line, blank lines dropped, and empty dates as null", () => {
    expect(newPlanForm(false).planVersion).toBe("NEW");
    expect(newPlanForm(true).planVersion).toBe("REPLAN");
    expect(goalsOf("週1回外出する\n\n  サロンに行く  \n")).toEqual(["週1回外出する", "サロンに行く"]);
    expect(
      toCreateSupportPlanInput("p-1", {
        ...newPlanForm(true),
        status: "AGREED",
        goals: "週1回外出する\n",
        reviewOn: "2027-02-01",
      }),
    ).toEqual({
      personId: "p-1",
      planVersion: "REPLAN",
      status: "AGREED",
      goals: ["週1回外出する"],
      agreedOn: null,
      reviewOn: "2027-02-01",
    });
  });

  it("updates a loaded plan with its version (新規 / 再プラン is not changed)", () => {
    const form = planFormFrom({
      planVersion: "NEW",
      status: "DRAFT",
      goals: ["週1回外出する", "サロンに行く"],
      agreedOn: null,
      reviewOn: null,
    });
    expect(form.goals).toBe("週1回外出する\nサロンに行く");
    expect(toUpdateSupportPlanInput("sp-1", 2, { ...form, status: "AGREED", agreedOn: "2026-11-20" })).toEqual({
      id: "sp-1",
      expectedVersion: 2,
      status: "AGREED",
      goals: ["週1回外出する", "サロンに行く"],
      agreedOn: "2026-11-20",
      reviewOn: null,
    });
  });
});
