import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  AreaListDocument,
  CreatePersonDocument,
  MySupportMeetingGroupsDocument,
  OrganizationOptionsDocument,
} from "../../gql/graphql";
import { today } from "@tsunagu/calendar";
import { FlashStatus } from "../../ui/flash-status";
import { renderPage } from "../../ui/test-utils";
import { ORGANIZATION_OPTIONS_COUNT } from "./form/BasisFields";
import { PersonNewPage } from "./PersonNewPage";

afterEach(cleanup);

const areasMock: MockLink.MockedResponse = {
  request: { query: AreaListDocument },
  result: {
    data: {
      areas: [
        { __typename: "Area", id: "a-1", name: "みどり野西エリア", type: "WELFARE_AREA" },
        { __typename: "Area", id: "a-2", name: "若葉小学校区", type: "SCHOOL_DISTRICT" },
      ],
    },
  },
  delay: 0,
};

const groupsMock = (groups: { id: string; name: string }[]): MockLink.MockedResponse => ({
  request: { query: MySupportMeetingGroupsDocument },
  result: { data: { mySupportMeetingGroups: groups.map((g) => ({ __typename: "SupportMeetingGroup", ...g })) } },
  delay: 0,
});

const orgsMock = (text: string | null, orgs: { id: string; name: string }[]): MockLink.MockedResponse => ({
  request: { query: OrganizationOptionsDocument, variables: { text, first: ORGANIZATION_OPTIONS_COUNT } },
  result: {
    data: {
      organizations: {
        __typename: "OrganizationConnection",
        edges: orgs.map((o) => ({ __typename: "OrganizationEdge", node: { __typename: "Organization", ...o } })),
      },
    },
  },
  delay: 0,
});

const NEEDS_DEFAULTS = {
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

const baseInput = {
  displayName: "葵さん",
  nameKana: null,
  birthYear: null,
  ageBand: null,
  areaId: null,
  participationLevel: "NO_CONTACT",
  contactPreference: null,
  contactNote: "",
  householdIssues: [],
  householdCircumstances: [],
  householdNote: "",
  certificates: [],
  needs: NEEDS_DEFAULTS,
  registeredOn: today(),
};

/** With a birth year the age band is the server's to work out: the input leaves it out. */
const { ageBand: _ageBand, ...withoutAgeBand } = baseInput;

const created = {
  data: {
    createPerson: { __typename: "PersonPayload", person: { __typename: "Person", id: "p-9", displayName: "葵さん" } },
  },
};

function renderNew(mocks: MockLink.MockedResponse[], groups = [{ id: "g-1", name: "みどり野西 支援会議" }]) {
  return renderPage(<PersonNewPage />, {
    path: "/people/new",
    url: "/people/new",
    mocks: [areasMock, groupsMock(groups), ...mocks],
    otherRoutes: [
      {
        path: "/people/:personId",
        element: (
          <>
            <h1>本人の詳細</h1>
            <FlashStatus />
          </>
        ),
      },
    ],
  });
}

const basisGroup = () => screen.getByRole("group", { name: "本人の同意と支援会議のどちらで登録しますか" });

describe("PersonNewPage", () => {
  it("explains the two bases in words, and offers the 支援会議 only to its members", async () => {
    renderNew([], []);
    expect(screen.getByRole("heading", { level: 1, name: "本人の登録" })).toBeTruthy();
    for (const legend of ["本人について", "連絡", "世帯の状況", "ニーズ (希望と条件)", "登録の根拠"]) {
      expect(screen.getByRole("group", { name: legend })).toBeTruthy();
    }
    const consent = within(basisGroup()).getByRole("radio", { name: "本人の同意がある" });
    expect(consent.getAttribute("aria-describedby")).toBeTruthy();
    const meeting = await within(basisGroup()).findByRole("radio", { name: "支援会議で扱う (同意の前)" });
    await screen.findByText(/あなたが構成員になっている支援会議はありません/);
    expect((meeting as HTMLInputElement).disabled).toBe(true);
    // The consent's own fields appear only once it is chosen.
    expect(screen.queryByRole("group", { name: "本人の同意の内容" })).toBeNull();
    fireEvent.click(consent);
    expect(screen.getByRole("group", { name: "本人の同意の内容" })).toBeTruthy();
  });

  it("asks for the name and the basis beside their fields, sending nothing", async () => {
    const { sent } = renderNew([]);
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください。");
    const name = screen.getByRole("textbox", { name: /表示名または仮名/ });
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(within(name.closest(".field")!).getByText("表示名または仮名を入力してください")).toBeTruthy();
    expect(
      within(basisGroup()).getByText("「本人の同意がある」か「支援会議で扱う」のどちらかを選んでください"),
    ).toBeTruthy();
    expect(sent.map((s) => s.operationName).sort()).toEqual(["AreaList", "MySupportMeetingGroups"]);
  });

  it("registers with a referral consent limited to one host, and opens the person with a confirmation", async () => {
    const { router, sent } = renderNew([
      orgsMock(null, [{ id: "o-2", name: "西地区社協" }]),
      orgsMock("若葉", [{ id: "o-1", name: "社会福祉法人 若葉会" }]),
      {
        request: {
          query: CreatePersonDocument,
          variables: {
            input: {
              ...withoutAgeBand,
              nameKana: "アオイ",
              birthYear: 1998,
              areaId: "a-1",
              participationLevel: "SUPPORTER_CONTACT",
              contactPreference: "VIA_FAMILY",
              contactNote: "母の携帯に",
              householdIssues: ["EIGHTY_FIFTY"],
              householdCircumstances: [],
              needs: {
                ...NEEDS_DEFAULTS,
                wantedActivities: ["料理", "畑"],
                wantedKinds: ["KODOMO_SHOKUDO"],
                targetGroups: ["HIKIKOMORI"],
                weekdays: ["SAT"],
                timeBands: ["AFTERNOON"],
                mobility: "BICYCLE",
                maxTravelMeters: 3000,
                groupSize: "SMALL_GROUP",
                roles: ["VOLUNTEER"],
                accessibility: ["QUIET_ROOM"],
                freeOnly: true,
                wishes: "人の役に立ちたい",
                strengths: "料理が得意",
              },
              consent: {
                purpose: "HOST_REFERRAL",
                facts: ["DISPLAY_NAME", "NEEDS", "WISHES_AND_STRENGTHS"],
                organizationId: "o-1",
                method: "APPLICATION_FORM",
                givenOn: today(),
                expiresOn: null,
                note: "",
              },
            },
          },
        },
        result: created,
        delay: 0,
      },
    ]);
    const profile = within(screen.getByRole("group", { name: "本人について" }));
    fireEvent.change(profile.getByRole("textbox", { name: /表示名または仮名/ }), { target: { value: " 葵さん " } });
    fireEvent.change(profile.getByRole("textbox", { name: "よみがな" }), { target: { value: "アオイ" } });
    fireEvent.change(profile.getByRole("textbox", { name: "生まれ年 (西暦)" }), { target: { value: "1998" } });
    expect(profile.getByRole<HTMLSelectElement>("combobox", { name: "年齢層" }).disabled).toBe(true);
    await profile.findByRole("option", { name: "みどり野西エリア" });
    fireEvent.change(profile.getByRole("combobox", { name: "お住まいの地区" }), { target: { value: "a-1" } });
    fireEvent.change(profile.getByRole("combobox", { name: "参加の段階" }), { target: { value: "SUPPORTER_CONTACT" } });
    fireEvent.change(screen.getByRole("combobox", { name: "連絡方法の希望" }), { target: { value: "VIA_FAMILY" } });
    fireEvent.change(screen.getByRole("textbox", { name: "連絡先・連絡時の注意" }), {
      target: { value: "母の携帯に" },
    });
    fireEvent.click(within(screen.getByRole("group", { name: "世帯の課題" })).getByRole("checkbox", { name: "8050" }));

    const needs = within(screen.getByRole("group", { name: "ニーズ (希望と条件)" }));
    fireEvent.change(needs.getByRole("textbox", { name: "やってみたい活動" }), { target: { value: "料理、畑" } });
    fireEvent.click(
      within(needs.getByRole("group", { name: "関心のある資源の種類" })).getByRole("checkbox", { name: "子ども食堂" }),
    );
    fireEvent.click(
      within(needs.getByRole("group", { name: "対象区分" })).getByRole("checkbox", { name: "ひきこもり" }),
    );
    fireEvent.click(needs.getByRole("checkbox", { name: "土曜" }));
    fireEvent.click(needs.getByRole("checkbox", { name: "午後" }));
    fireEvent.click(needs.getByRole("radio", { name: "自転車" }));
    fireEvent.change(needs.getByRole("combobox", { name: "無理なく行ける距離" }), { target: { value: "3000" } });
    fireEvent.click(needs.getByRole("radio", { name: "少人数がよい" }));
    fireEvent.click(needs.getByRole("checkbox", { name: "ボランティア・担い手" }));
    fireEvent.click(needs.getByRole("checkbox", { name: "静かな部屋" }));
    fireEvent.click(needs.getByRole("checkbox", { name: "無料の場に限る" }));
    fireEvent.change(needs.getByRole("textbox", { name: "本人の希望" }), { target: { value: "人の役に立ちたい" } });
    fireEvent.change(needs.getByRole("textbox", { name: "本人の強み・得意なこと" }), {
      target: { value: "料理が得意" },
    });

    fireEvent.click(within(basisGroup()).getByRole("radio", { name: "本人の同意がある" }));
    const consent = within(screen.getByRole("group", { name: "本人の同意の内容" }));
    expect(consent.getByRole<HTMLSelectElement>("combobox", { name: /同意の目的/ }).value).toBe("HOST_REFERRAL");
    fireEvent.click(consent.getByRole("checkbox", { name: "希望と強み" }));
    fireEvent.click(consent.getByRole("radio", { name: "特定の団体に限る" }));
    await consent.findByRole("option", { name: "西地区社協" });
    fireEvent.change(consent.getByRole("searchbox", { name: "団体名で探す" }), { target: { value: "若葉" } });
    await consent.findByRole("option", { name: "社会福祉法人 若葉会" });
    fireEvent.change(consent.getByRole("combobox", { name: /紹介先の団体/ }), { target: { value: "o-1" } });
    fireEvent.click(consent.getByRole("radio", { name: "相談受付・申込票" }));
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));

    expect((await screen.findByRole("status")).textContent).toBe("葵さん さんを登録しました");
    expect(router.state.location.pathname).toBe("/people/p-9");
    expect(sent.filter((s) => s.operationName === "CreatePerson")).toHaveLength(1);
  });

  it("registers on a 支援会議 the coordinator sits on, with no consent", async () => {
    const { router } = renderNew([
      {
        request: { query: CreatePersonDocument, variables: { input: { ...baseInput, supportMeetingGroupId: "g-1" } } },
        result: created,
        delay: 0,
      },
    ]);
    fireEvent.change(screen.getByRole("textbox", { name: /表示名または仮名/ }), { target: { value: "葵さん" } });
    const meeting = await within(basisGroup()).findByRole("radio", { name: "支援会議で扱う (同意の前)" });
    await screen.findByRole("option", { name: "みどり野西エリア" }); // areas and groups loaded
    expect((meeting as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(meeting);
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByText("支援会議を選んでください")).toBeTruthy();

    fireEvent.change(screen.getByRole("combobox", { name: /支援会議/ }), { target: { value: "g-1" } });
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByRole("status")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/people/p-9");
  });

  it("shows the server's field messages beside their fields, the consent's included", async () => {
    renderNew([
      {
        request: {
          query: CreatePersonDocument,
          variables: {
            input: {
              ...baseInput,
              nameKana: "abc",
              consent: {
                purpose: "HOST_REFERRAL",
                facts: ["DISPLAY_NAME", "NEEDS"],
                organizationId: null,
                method: "VERBAL",
                givenOn: today(),
                expiresOn: "2020-01-01",
                note: "",
              },
            },
          },
        },
        result: {
          errors: [
            new GraphQLError("入力内容を確認してください", {
              extensions: {
                code: "BAD_USER_INPUT",
                fields: [
                  { field: "input.nameKana", messages: ["よみがなはカタカナかひらがなで入力してください"] },
                  { field: "input.consent.expiresOn", messages: ["有効期限は同意日より後にしてください"] },
                ],
              },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    fireEvent.change(screen.getByRole("textbox", { name: /表示名または仮名/ }), { target: { value: "葵さん" } });
    fireEvent.change(screen.getByRole("textbox", { name: "よみがな" }), { target: { value: "abc" } });
    fireEvent.click(within(basisGroup()).getByRole("radio", { name: "本人の同意がある" }));
    fireEvent.click(screen.getByRole("radio", { name: "口頭" }));
    fireEvent.change(screen.getByLabelText("有効期限"), { target: { value: "2020-01-01" } });
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));

    const message = await screen.findByText("有効期限は同意日より後にしてください");
    const expires = screen.getByLabelText("有効期限");
    expect(expires.getAttribute("aria-invalid")).toBe("true");
    expect(expires.getAttribute("aria-describedby")).toContain(message.closest("ul")!.id);
    const kana = screen.getByRole("textbox", { name: "よみがな" });
    expect(kana.getAttribute("aria-describedby")).toContain(
      screen.getByText("よみがなはカタカナかひらがなで入力してください").closest("ul")!.id,
    );
    expect(screen.getByRole("alert").textContent).toBe("入力内容を確認してください");
  });

  it("shows the generic notice with the request id when the server fails", async () => {
    renderNew([
      {
        request: { query: CreatePersonDocument, variables: { input: { ...baseInput, supportMeetingGroupId: "g-1" } } },
        result: {
          errors: [
            new GraphQLError("relation does not exist", {
              extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-7" },
            }),
          ],
        },
        delay: 0,
      },
    ]);
    fireEvent.change(screen.getByRole("textbox", { name: /表示名または仮名/ }), { target: { value: "葵さん" } });
    await screen.findByRole("option", { name: "みどり野西エリア" });
    const meeting = within(basisGroup()).getByRole("radio", { name: "支援会議で扱う (同意の前)" });
    fireEvent.click(meeting);
    fireEvent.change(await screen.findByRole("combobox", { name: /支援会議/ }), { target: { value: "g-1" } });
    fireEvent.click(screen.getByRole("button", { name: "登録する" }));
    const alert = await screen.findByRole("alert");
    await within(alert).findByText(/req-7/);
    expect(alert.textContent).toContain("サーバーで問題が発生しました");
    expect(alert.textContent).not.toContain("relation");
  });
});
