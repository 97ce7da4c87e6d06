import { describe, expect, it } from "vitest";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fieldMessages, parseGraphQLError } from "./graphql-errors";

const graphQLErrors = (errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ data: null, errors });

describe("parseGraphQLError", () => {
  it("maps BAD_USER_INPUT fields to their input names, keeping the server's Japanese messages", () => {
    const parsed = parseGraphQLError(
      graphQLErrors([
        {
          message: "入力内容を確認してください",
          extensions: {
            code: "BAD_USER_INPUT",
            fields: [
              { field: "input.openings", messages: ["0以上で入力してください"] },
              { field: "input.schedule.rules.0.endTime", messages: ["開始時刻より後にしてください"] },
              { field: "input.openings", messages: ["定員以下にしてください"] },
            ],
          },
        },
      ]),
    );
    expect(parsed.code).toBe("BAD_USER_INPUT");
    expect(parsed.message).toBe("入力内容を確認してください");
    expect(parsed.fieldErrors).toEqual({
      openings: ["0以上で入力してください", "定員以下にしてください"],
      "schedule.rules.0.endTime": ["開始時刻より後にしてください"],
    });
    expect(fieldMessages(parsed, "openings")).toHaveLength(2);
    expect(fieldMessages(parsed, "status")).toEqual([]);
    expect(fieldMessages(null, "status")).toEqual([]);
  });

  it("shows the server's message for domain errors and keeps extensions such as a lockout reason", () => {
    const parsed = parseGraphQLError(
      graphQLErrors([
        {
          message: "しばらくログインできません",
          extensions: { code: "UNAUTHENTICATED", reason: "LOCKED", retryAfterSeconds: 600 },
        },
      ]),
    );
    expect(parsed).toMatchObject({ code: "UNAUTHENTICATED", message: "しばらくログインできません", requestId: null });
    expect(parsed.extensions.reason).toBe("LOCKED");
    expect(parsed.extensions.retryAfterSeconds).toBe(600);
  });

  it("shows the server's own sentence for a body over the limit (the user can act on it)", () => {
    const parsed = parseGraphQLError(
      graphQLErrors([
        {
          message: "送信内容が大きすぎます (上限 1MB)。内容を減らしてください",
          extensions: { code: "PAYLOAD_TOO_LARGE", requestId: "req-7" },
        },
      ]),
    );
    expect(parsed).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "送信内容が大きすぎます (上限 1MB)。内容を減らしてください",
      requestId: "req-7",
    });
  });

  it("shows the server's own sentence when a client sends too many requests (it says how long to wait)", () => {
    const message = "アクセスが集中しているため、受け付けられませんでした。約42秒後にもう一度お試しください。";
    const parsed = parseGraphQLError(
      graphQLErrors([{ message, extensions: { code: "RATE_LIMITED", retryAfterSeconds: 42, requestId: "req-8" } }]),
    );
    expect(parsed).toMatchObject({ code: "RATE_LIMITED", message, requestId: "req-8" });
    expect(parsed.extensions.retryAfterSeconds).toBe(42);
  });

  it("never shows internals: INTERNAL_SERVER_ERROR and unknown codes become the generic notice with the request id", () => {
    const parsed = parseGraphQLError(
      graphQLErrors([
        {
          message: 'relation "x" does not exist',
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-42" },
        },
      ]),
    );
    expect(parsed.code).toBe("INTERNAL_SERVER_ERROR");
    expect(parsed.requestId).toBe("req-42");
    expect(parsed.message).toContain("サーバーで問題が発生しました");
    expect(parsed.message).toContain("req-42");
    expect(parsed.message).not.toContain("relation");

    const validation = parseGraphQLError(
      graphQLErrors([{ message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]),
    );
    expect(validation.message).not.toContain("Cannot query");
  });

  it("reports a failed request as NETWORK with a Japanese notice", () => {
    const parsed = parseGraphQLError(new TypeError("Failed to fetch"));
    expect(parsed.code).toBe("NETWORK");
    expect(parsed.message).toContain("通信状況");
    expect(parsed.fieldErrors).toEqual({});
  });
});
