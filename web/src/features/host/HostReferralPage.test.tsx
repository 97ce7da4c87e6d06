import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { MockLink } from "@apollo/client/testing";
import { HostReferralDocument, RecordAttendanceDocument, RespondToReferralDocument } from "../../gql/graphql";
import { renderPage } from "../../ui/test-utils";
import { HostReferralPage } from "./HostReferralPage";

afterEach(cleanup);

const ID = "m-1";
const hiddenPerson = {
  __typename: "ReferralPerson",
  displayName: null,
  ageBand: null,
  area: null,
  contactPreference: null,
  contactNote: null,
  wantedActivities: null,
  weekdays: null,
  timeBands: null,
  mobility: null,
  groupSize: null,
  accessibility: null,
  wishes: null,
  strengths: null,
  participationLevel: null,
  householdCircumstances: null,
};

function referral(over: Record<string, unknown> = {}) {
  return {
    __typename: "Referral",
    id: ID,
    stage: "HOST_COORDINATION",
    version: 2,
    referredOn: "2026-11-18",
    startedOn: null,
    canRespond: true,
    canRecordAttendance: false,
    hostResponse: null,
    hostResponseReason: null,
    resource: { __typename: "Resource", id: "r-1", name: "山吹花壇ボランティア", scheduleText: "毎週月 13:00〜15:00" },
    sharedFacts: ["AGE_BAND", "NEEDS"],
    person: {
      ...hiddenPerson,
      ageBand: "AGE_65_74",
      wantedActivities: ["庭木の手入れ", "木工"],
      weekdays: ["MON", "WED"],
      timeBands: ["MORNING"],
      mobility: "CAR",
      groupSize: "ANY",
      accessibility: [],
    },
    attendance: [],
    ...over,
  };
}

const load = (data: ReturnType<typeof referral>): MockLink.MockedResponse => ({
  request: { query: HostReferralDocument, variables: { id: ID } },
  result: { data: { referral: data } },
  delay: 0,
});

function renderReferral(mocks: MockLink.MockedResponse[]) {
  return renderPage(<HostReferralPage />, { path: "/host/referrals/:matchId", url: `/host/referrals/${ID}`, mocks });
}

describe("HostReferralPage", () => {
  it("lists only the facts the server returned, and says in one sentence that the rest was not shared", async () => {
    renderReferral([load(referral())]);
    expect(await screen.findByRole("heading", { level: 1, name: "ご紹介" })).toBeTruthy();
    const shared = within(screen.getByRole("region", { name: "共有された情報" }));
    expect(shared.getAllByRole("term").map((dt) => dt.textContent)).toEqual([
      "年齢層",
      "やってみたい活動",
      "参加できる曜日",
      "参加できる時間帯",
      "移動の手段",
      "人数の好み",
    ]);
    expect(shared.getByText("65〜74歳")).toBeTruthy();
    expect(shared.getByText("月曜、水曜")).toBeTruthy();
    expect(shared.queryByText("お名前")).toBeNull();
    expect(shared.getByText("ここにない情報は、ご本人の同意がないため共有されていません。")).toBeTruthy();
  });

  it("shows no facts once consent is withdrawn, only why", async () => {
    renderReferral([load(referral({ sharedFacts: [], person: hiddenPerson }))]);
    const shared = within(await screen.findByRole("region", { name: "共有された情報" }));
    expect(shared.queryAllByRole("term")).toEqual([]);
    expect(shared.getByText(/同意が撤回されたか期限が切れた/)).toBeTruthy();
  });

  it("declines only with a reason, and then shows the answer given", async () => {
    const { sent } = renderReferral([
      load(referral()),
      {
        request: {
          query: RespondToReferralDocument,
          variables: { input: { matchId: ID, response: "DECLINED", reason: "今月は定員がいっぱい" } },
        },
        result: {
          data: {
            respondToReferral: referral({
              stage: "HOST_DECLINED",
              canRespond: false,
              hostResponse: "DECLINED",
              hostResponseReason: "今月は定員がいっぱい",
              version: 3,
            }),
          },
        },
        delay: 0,
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "お断りする" }));
    expect(screen.queryByRole("button", { name: "受け入れる" })).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: "お断りの理由" }), {
      target: { value: " 今月は定員がいっぱい " },
    });
    fireEvent.click(screen.getByRole("button", { name: "お断りを送る" }));

    expect(await screen.findByText("お断りのお返事を送りました。")).toBeTruthy();
    const section = within(screen.getByRole("region", { name: "受け入れのお返事" }));
    expect(section.getByText("お断り")).toBeTruthy();
    expect(section.getByText("今月は定員がいっぱい")).toBeTruthy();
    expect(section.queryByRole("button", { name: "お断りする" })).toBeNull();
    expect(sent.map((op) => op.operationName)).toEqual(["HostReferral", "RespondToReferral"]);
    // One word for the host's refusal: the state reads お断り too, not the coordinators' 受け入れ先辞退.
    expect(document.body.textContent).toContain("お断りしました");
    expect(document.body.textContent).not.toContain("辞退");
  });

  it("asks for the reason for お断り in the same word, before sending anything", async () => {
    const { sent } = renderReferral([load(referral())]);
    fireEvent.click(await screen.findByRole("button", { name: "お断りする" }));
    fireEvent.change(screen.getByRole("textbox", { name: "お断りの理由" }), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "お断りを送る" }));

    const field = screen.getByRole("textbox", { name: "お断りの理由" });
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("お断りの理由を入力してください")).toBeTruthy();
    expect(document.body.textContent).not.toContain("辞退");
    expect(sent.map((op) => op.operationName)).toEqual(["HostReferral"]);
  });

  it("after 受け入れる, shows the answer given and asks no more", async () => {
    const { sent } = renderReferral([
      load(referral()),
      {
        request: { query: RespondToReferralDocument, variables: { input: { matchId: ID, response: "ACCEPTED" } } },
        // Still 受け入れ先調整 (the coordinator moves it on), so the server still says canRespond.
        result: { data: { respondToReferral: referral({ hostResponse: "ACCEPTED", version: 3 }) } },
        delay: 0,
      },
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "受け入れる" }));

    expect(
      await screen.findByText("「受け入れる」とお返事しました。コーディネーターから連絡があります。"),
    ).toBeTruthy();
    const section = within(screen.getByRole("region", { name: "受け入れのお返事" }));
    expect(section.getByRole("definition").textContent).toBe("受け入れる");
    expect(section.queryByText("この方を受け入れられるか、お返事をお願いします。")).toBeNull();
    expect(section.queryByRole("button")).toBeNull();
    expect(sent.map((op) => op.operationName)).toEqual(["HostReferral", "RespondToReferral"]);
  });

  it("opened again after 受け入れる (a reload), shows the answer and no buttons", async () => {
    renderReferral([load(referral({ hostResponse: "ACCEPTED" }))]);
    const section = within(await screen.findByRole("region", { name: "受け入れのお返事" }));
    expect(section.getByRole("definition").textContent).toBe("受け入れる");
    expect(section.getByText("お返事を変えるときは、担当のコーディネーターにご連絡ください。")).toBeTruthy();
    expect(section.queryByText("この方を受け入れられるか、お返事をお願いします。")).toBeNull();
    expect(section.queryByRole("button")).toBeNull();
  });

  it("records attendance for a day and puts it at the top of the history, replacing that day's earlier record", async () => {
    renderReferral([
      load(
        referral({
          stage: "ACTIVE_FOLLOW_UP",
          canRespond: false,
          canRecordAttendance: true,
          hostResponse: "ACCEPTED",
          attendance: [
            { __typename: "Attendance", id: "a-2", sessionOn: "2026-11-16", attended: true, note: "" },
            { __typename: "Attendance", id: "a-1", sessionOn: "2026-11-09", attended: true, note: "" },
          ],
        }),
      ),
      {
        request: {
          query: RecordAttendanceDocument,
          variables: { input: { matchId: ID, sessionOn: "2026-11-16", attended: false, note: "体調不良" } },
        },
        result: {
          data: {
            recordAttendance: {
              __typename: "Attendance",
              id: "a-2",
              sessionOn: "2026-11-16",
              attended: false,
              note: "体調不良",
              createdAt: "2026-11-22T01:00:00Z",
            },
          },
        },
        delay: 0,
      },
    ]);
    const section = within(await screen.findByRole("region", { name: "参加の記録" }));
    expect(section.getByRole("group", { name: "出欠" })).toBeTruthy();
    fireEvent.click(section.getByRole("button", { name: "出欠を記録" }));
    expect((await section.findByRole("alert")).textContent).toContain("「参加」か「欠席」を選んでください");

    fireEvent.change(section.getByLabelText("参加日"), { target: { value: "2026-11-16" } });
    fireEvent.click(section.getByRole("radio", { name: "欠席" }));
    fireEvent.change(section.getByRole("textbox", { name: "メモ (任意)" }), { target: { value: "体調不良" } });
    fireEvent.click(section.getByRole("button", { name: "出欠を記録" }));

    expect(await section.findByText("2026年11月16日(月) を「欠席」と記録しました。")).toBeTruthy();
    const rows = section.getAllByRole("listitem").map((li) => li.textContent);
    expect(rows).toEqual(["2026年11月16日(月) 欠席 体調不良", "2026年11月9日(月) 参加"]);
  });
});
