import { describe, expect, it } from "vitest";
import { auditDetailNames } from "./audit-detail";

describe("auditDetailNames", () => {
  it("lists the fields a READ asked for", () => {
    expect(auditDetailNames({ fields: ["displayName", "needs", "consents"] })).toEqual({
      names: ["displayName", "needs", "consents"],
      more: 0,
    });
  });

  it("shows the keys of any other detail and never their values", () => {
    const { names } = auditDetailNames({ to: "STABLE", filter: { personId: "p-1" }, returned: 3 });
    expect(names).toEqual(["to", "filter", "returned"]);
    expect(JSON.stringify(names)).not.toMatch(/STABLE|p-1|3/);
  });

  it("keeps the list short and counts the rest", () => {
    expect(auditDetailNames({ fields: ["a", "b", "c", "d", "e", "f", "g", "h"], unclassified: true })).toEqual({
      names: ["a", "b", "c", "d", "e", "f"],
      more: 3,
    });
  });

  it("shows nothing for an empty or malformed detail", () => {
    expect(auditDetailNames({})).toEqual({ names: [], more: 0 });
    expect(auditDetailNames(null)).toEqual({ names: [], more: 0 });
    expect(auditDetailNames(["x"])).toEqual({ names: [], more: 0 });
    expect(auditDetailNames({ fields: [42, "ok", "ok"] })).toEqual({ names: ["ok"], more: 0 });
  });
});
