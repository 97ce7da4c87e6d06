import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { SearchResourcesInput } from "../../gql/graphql";
import { ExportLinks } from "./ExportLinks";

afterEach(cleanup);

const inputOf = (href: string) => JSON.parse(new URL(href, "http://localhost").searchParams.get("input")!);

describe("ExportLinks", () => {
  it("carries the current filters and the chosen CSV encoding", () => {
    const input: SearchResourcesInput = {
      text: "体操",
      kinds: ["KAYOI_NO_BA"],
      freeOnly: true,
      includeCitywide: true,
      sort: "RELEVANCE",
    };
    render(<ExportLinks input={input} />);
    const csv = screen.getByRole("link", { name: "CSVで書き出す" });
    expect(new URL(csv.getAttribute("href")!, "http://localhost").pathname).toBe("/export/resources.csv");
    expect(inputOf(csv.getAttribute("href")!)).toEqual(input);
    expect(csv.getAttribute("href")).toContain("encoding=utf8");

    fireEvent.change(screen.getByLabelText("CSVの文字コード"), { target: { value: "cp932" } });
    expect(screen.getByRole("link", { name: "CSVで書き出す" }).getAttribute("href")).toContain("encoding=cp932");

    const xlsx = screen.getByRole("link", { name: "Excel (.xlsx) で書き出す" });
    expect(new URL(xlsx.getAttribute("href")!, "http://localhost").pathname).toBe("/export/resources.xlsx");
    expect(inputOf(xlsx.getAttribute("href")!)).toEqual(input);
    expect(screen.getByRole("link", { name: "HSDS 3.0 (国際標準) で書き出す" }).getAttribute("href")).toBe(
      "/hsds/package.zip",
    );
  });
});
