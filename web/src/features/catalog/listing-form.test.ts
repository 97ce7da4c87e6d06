import { describe, expect, it } from "vitest";
import { emptyListingForm, listingFormOf, splitActivities, toListingInput } from "./listing-form";

describe("listing form", () => {
  it("refuses a listing without name, kind or host, and numbers that are not numbers, each beside its box", () => {
    const checked = toListingInput({
      ...emptyListingForm(),
      name: "  ",
      ageMin: "十",
      capacity: "-1",
      costPerSessionYen: "100円",
      lat: "北緯35",
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: ["名称を入力してください"],
        kind: ["種類を選んでください"],
        organizationId: ["運営する団体を選んでください"],
        "eligibility.ageMin": ["年齢は0以上の整数で入力してください"],
        capacity: ["人数は0以上の整数で入力してください"],
        costPerSessionYen: ["費用は0以上の整数 (円) で入力してください"],
        lat: ["緯度・経度は数値で入力してください (例: 35.6812)"],
      },
    });
  });

  it("reads full-width digits, splits activities, and sends blanks as null", () => {
    const checked = toListingInput({
      ...emptyListingForm("o-1"),
      name: " サロン ひだまり ",
      kind: "SALON",
      ageMin: "６５",
      capacity: "１,０００",
      openings: "",
      costPerSessionYen: "",
      lat: "３５．６８",
      lng: "139.76",
      activities: "体操、茶話会,体操\n手芸",
      contactPhone: " ",
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.input).toMatchObject({
      name: "サロン ひだまり",
      nameKana: null,
      kind: "SALON",
      organizationId: "o-1",
      eligibility: { ageMin: 65, ageMax: null },
      capacity: 1000,
      openings: null,
      costPerSessionYen: 0,
      lat: 35.68,
      lng: 139.76,
      activities: ["体操", "茶話会", "手芸"],
      contactPhone: null,
      schedule: { rules: [], closedOnHolidays: false, closedYearEnd: false, closedDates: [], note: null },
    });
  });

  it("round-trips a saved listing through the form unchanged", () => {
    const saved = {
      name: "こども食堂 はらぺこ",
      nameKana: "こどもしょくどう はらぺこ",
      kind: "KODOMO_SHOKUDO" as const,
      status: "PAUSED" as const,
      organization: { id: "o-2" },
      description: "月2回",
      targetGroups: ["CHILDREN" as const],
      eligibility: {
        ageMin: 0,
        ageMax: 18,
        certificateRequired: false,
        residenceRequired: true,
        requiresSupportPlan: false,
        referredCasesOnly: false,
      },
      rolesOffered: [],
      activities: ["食事", "学習支援"],
      venueName: "公民館",
      address: null,
      lat: 35.1,
      lng: 139.2,
      areas: [{ id: "a-1" }],
      citywide: false,
      homeBased: false,
      visiting: false,
      schedule: {
        rules: [
          {
            frequency: "MONTHLY_NTH_WEEKDAY" as const,
            weekdays: ["TUE" as const],
            nthWeeks: [2, 4],
            dates: [],
            startTime: "17:00",
            endTime: "19:00",
          },
        ],
        closedOnHolidays: true,
        closedYearEnd: true,
        closedDates: [],
        note: null,
      },
      capacity: 30,
      openings: 5,
      costPerSessionYen: 300,
      accessibility: [],
      nearestStop: null,
      transportOptions: [],
      visitAllowed: true,
      trialAllowed: false,
      contactName: null,
      contactPhone: "0120-000-000",
      contactEmail: null,
    };
    const checked = toListingInput(listingFormOf(saved));
    expect(checked.ok && checked.input).toMatchObject({
      name: saved.name,
      nameKana: saved.nameKana,
      status: "PAUSED",
      organizationId: "o-2",
      eligibility: saved.eligibility,
      activities: saved.activities,
      address: null,
      areaIds: ["a-1"],
      schedule: saved.schedule,
      capacity: 30,
      openings: 5,
      costPerSessionYen: 300,
      contactPhone: "0120-000-000",
    });
  });

  it("splits activities on 、 , ， and new lines, dropping blanks and repeats", () => {
    expect(splitActivities("体操、 茶話会，体操,\n\n手芸")).toEqual(["体操", "茶話会", "手芸"]);
  });
});
