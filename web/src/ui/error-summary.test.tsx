import { afterEach, describe, expect, it } from "vitest";
import { useState } from "react";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ErrorSummary } from "./error-summary";

afterEach(cleanup);

/** A form that fails every submit with the same message (cleared and set again in one render), beside another form. */
function Forms() {
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <form
        aria-label="一つ目"
        onSubmit={(e) => {
          e.preventDefault();
          setFailure(null);
          setFailure("入力内容を確認してください。");
        }}
      >
        {failure && <ErrorSummary>{failure}</ErrorSummary>}
        <button type="submit">送る</button>
      </form>
      <form aria-label="二つ目" onSubmit={(e) => e.preventDefault()}>
        <button type="submit">別の送信</button>
      </form>
    </>
  );
}

describe("ErrorSummary", () => {
  it("takes the focus when it appears and on each submit of its form that leaves it shown, not on another form's", async () => {
    render(<Forms />);
    const send = screen.getByRole("button", { name: "送る" });
    fireEvent.click(send);
    const summary = screen.getByRole("alert");
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute("tabindex")).toBe("-1");

    send.focus();
    fireEvent.click(send);
    await waitFor(() => expect(document.activeElement).toBe(summary));

    const other = screen.getByRole("button", { name: "別の送信" });
    other.focus();
    fireEvent.click(other);
    await new Promise((r) => setTimeout(r, 10));
    expect(document.activeElement).toBe(other);
  });
});
