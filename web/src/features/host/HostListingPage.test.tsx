import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import type { MockLink } from "@apollo/client/testing";
import {
  HostListingDocument,
  SetListingStatusDocument,
  UpdateListingDocument,
  VerifyListingDocument,
} from "../../gql/graphql";
import { formatDate } from "../../messages";
import { renderPage } from "../../ui/test-utils";
import { HostListingPage } from "./HostListingPage";

afterEach(cleanup);

const ID = "r-1";
const rule = {
  __typename: "ScheduleRule",
  frequency: "MONTHLY_NTH_WEEKDAY",
  weekdays: ["TUE"],
  nthWeeks: [2, 4],
  dates: [],
  startTime: "10:00",
  endTime: "11:30",
};
const listing = (over: Record<string, unknown> = {}) => ({
  __typename: "Resource",
  id: ID,
  name: "サロン ひだまり",
  version: 3,
  status: "ACTIVE",
  openings: 4,
  capacity: 10,
  scheduleText: "第2・第4火曜 10:00〜11:30",
  verifiedAt: "2026-03-01T01:00:00.000Z",
  openVerificationRequest: null,
  viewerCan: { __typename: "ResourcePermissions", update: true, verify: true },
  schedule: {
    __typename: "Schedule",
    rules: [rule],
    closedOnHolidays: true,
    closedYearEnd: false,
    closedDates: [],
    note: null,
  },
  ...over,
});

const load: MockLink.MockedResponse = {
  request: { query: HostListingDocument, variables: { id: ID } },
  result: { data: { resource: listing() } },
  delay: 0,
};

const scheduleInput = (over: Record<string, unknown> = {}) => ({
  rules: [
    {
      frequency: "MONTHLY_NTH_WEEKDAY",
      weekdays: ["TUE"],
      nthWeeks: [2, 4],
      dates: [],
      startTime: "10:00",
      endTime: "11:30",
      ...over,
    },
  ],
  closedOnHolidays: true,
  closedYearEnd: false,
  closedDates: [],
  note: null,
});

function update(input: Record<string, unknown>, result: MockLink.MockedResponse["result"]): MockLink.MockedResponse {
  return { request: { query: UpdateListingDocument, variables: { input } }, result, delay: 0 };
}

const updated = (over: Record<string, unknown>) => ({
  data: { updateResource: { __typename: "ResourcePayload", resource: { ...listing(over), kind: "SALON" } } },
});

describe("HostListingPage", () => {
  it("saves openings, schedule and status: the form maps to updateResource, then setResourceStatus", async () => {
    const { sent } = renderPage(<HostListingPage />, {
      path: "/host/listings/:resourceId",
      url: `/host/listings/${ID}`,
      mocks: [
        load,
        update(
          {
            id: ID,
            expectedVersion: 3,
            openings: 0,
            schedule: { ...scheduleInput({ nthWeeks: [2, 4, -1], weekdays: ["TUE", "FRI"] }), note: "雨天中止" },
          },
          updated({ version: 4, openings: 0 }),
        ),
        {
          request: { query: SetListingStatusDocument, variables: { input: { id: ID, status: "PAUSED" } } },
          result: {
            data: {
              setResourceStatus: {
                __typename: "ResourcePayload",
                resource: {
                  __typename: "Resource",
                  id: ID,
                  status: "PAUSED",
                  version: 5,
                  updatedAt: "2026-11-22T01:00:00Z",
                },
              },
            },
          },
          delay: 0,
        },
      ],
    });
    expect(await screen.findByRole("heading", { level: 1, name: "サロン ひだまり" })).toBeTruthy();
    const openings = screen.getByRole<HTMLInputElement>("textbox", { name: "空き状況" });
    expect(openings.value).toBe("4");
    fireEvent.change(openings, { target: { value: "１" } });
    fireEvent.click(screen.getByRole("button", { name: "空きを1人減らす" }));
    expect(openings.value).toBe("0");
    fireEvent.change(screen.getByRole("combobox", { name: "活動状況" }), { target: { value: "PAUSED" } });

    const ruleBox = within(screen.getByRole("group", { name: "開催ルール 1" }));
    fireEvent.click(ruleBox.getByRole("checkbox", { name: "最終" }));
    fireEvent.click(ruleBox.getByRole("checkbox", { name: "金曜" }));
    fireEvent.change(screen.getByRole("textbox", { name: /補足/ }), { target: { value: " 雨天中止 " } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));

    expect((await screen.findByText("保存しました。")).getAttribute("role")).toBe("status");
    expect(sent.map((op) => op.operationName)).toEqual(["HostListing", "UpdateListing", "SetListingStatus"]);
    expect(screen.getByRole<HTMLInputElement>("combobox", { name: "活動状況" }).value).toBe("PAUSED");
  });

  it("does not send openings that are not a number, and shows the server's message beside the rule's end time", async () => {
    const { sent } = renderPage(<HostListingPage />, {
      path: "/host/listings/:resourceId",
      url: `/host/listings/${ID}`,
      mocks: [
        load,
        update(
          { id: ID, expectedVersion: 3, openings: 4, schedule: scheduleInput({ endTime: "09:00" }) },
          {
            errors: [
              new GraphQLError("入力内容を確認してください", {
                extensions: {
                  code: "BAD_USER_INPUT",
                  fields: [
                    { field: "input.schedule.rules.0.endTime", messages: ["終了時刻は開始時刻より後にしてください"] },
                  ],
                },
              }),
            ],
          },
        ),
      ],
    });
    const openings = await screen.findByRole("textbox", { name: "空き状況" });
    fireEvent.change(openings, { target: { value: "たくさん" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect((await screen.findByRole("alert")).textContent).toContain("入力内容を確認してください");
    expect(openings.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("空きは0以上の整数 (人数) で入力してください。")).toBeTruthy();
    expect(sent.map((op) => op.operationName)).toEqual(["HostListing"]);

    fireEvent.change(openings, { target: { value: "4" } });
    fireEvent.change(screen.getByLabelText("終了時刻"), { target: { value: "09:00" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByText("終了時刻は開始時刻より後にしてください")).toBeTruthy();
    expect(screen.getByLabelText("終了時刻").getAttribute("aria-invalid")).toBe("true");
  });

  it("moves the focus to the error summary when 空き -5 is saved, and back to it on each failed try", async () => {
    const { sent } = renderPage(<HostListingPage />, {
      path: "/host/listings/:resourceId",
      url: `/host/listings/${ID}`,
      mocks: [load],
    });
    fireEvent.change(await screen.findByRole("textbox", { name: "空き状況" }), { target: { value: "-5" } });
    const save = screen.getByRole("button", { name: "保存する" });
    save.focus();
    fireEvent.click(save);

    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("入力内容を確認してください");
    await waitFor(() => expect(document.activeElement).toBe(summary));

    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("alert")));
    expect(sent.map((op) => op.operationName)).toEqual(["HostListing"]);
  });

  it("keeps the form and says why when the status change is refused after the rest was saved", async () => {
    renderPage(<HostListingPage />, {
      path: "/host/listings/:resourceId",
      url: `/host/listings/${ID}`,
      mocks: [
        load,
        update({ id: ID, expectedVersion: 3, openings: 4, schedule: scheduleInput() }, updated({ version: 4 })),
        {
          request: { query: SetListingStatusDocument, variables: { input: { id: ID, status: "ENDED" } } },
          result: {
            errors: [new GraphQLError("この操作を行う権限がありません", { extensions: { code: "FORBIDDEN" } })],
          },
          delay: 0,
        },
      ],
    });
    fireEvent.change(await screen.findByRole("combobox", { name: "活動状況" }), { target: { value: "ENDED" } });
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    expect((await screen.findByRole("alert")).textContent).toContain("この操作を行う権限がありません");
    expect(screen.queryByText("保存しました。")).toBeNull();
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "活動状況" }).value).toBe("ENDED");
  });

  it("stamps 「掲載内容を確認しました」 and shows today as 最終確認日", async () => {
    const now = new Date().toISOString();
    renderPage(<HostListingPage />, {
      path: "/host/listings/:resourceId",
      url: `/host/listings/${ID}`,
      mocks: [
        load,
        {
          request: { query: VerifyListingDocument, variables: { input: { id: ID } } },
          result: {
            data: {
              verifyResource: {
                __typename: "ResourcePayload",
                resource: {
                  __typename: "Resource",
                  id: ID,
                  verifiedAt: now,
                  version: 4,
                  openVerificationRequest: null,
                },
              },
            },
          },
          delay: 0,
        },
      ],
    });
    const section = within(await screen.findByRole("region", { name: "掲載内容の確認" }));
    expect(section.getByText("2026年3月1日(日)")).toBeTruthy();
    fireEvent.click(section.getByRole("button", { name: "掲載内容を確認しました" }));
    expect(await section.findByText("確認したことを記録しました。ありがとうございます。")).toBeTruthy();
    expect(section.getByText(formatDate(now))).toBeTruthy();
    expect(section.getByText("確認から 0日 (今日確認)")).toBeTruthy();
  });
});
