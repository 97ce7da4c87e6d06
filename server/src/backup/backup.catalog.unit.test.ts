import { describe, expect, it } from "vitest";
import { backwardForeignKeys, parentsFirst } from "./backup.catalog.js";

const fk = (table: string, references: string) => ({ table, references });

describe("parentsFirst", () => {
  it("puts every table after the tables it references, ties by name", () => {
    const order = parentsFirst(
      ["match", "resource", "organization", "person", "app_user"],
      [
        fk("match", "resource"),
        fk("match", "person"),
        fk("resource", "organization"),
        fk("person", "app_user"),
        fk("app_user", "organization"),
      ],
    );
    expect(order).toEqual(["organization", "app_user", "person", "resource", "match"]);
    expect(backwardForeignKeys(order, [fk("match", "resource"), fk("person", "app_user")])).toEqual([]);
  });

  it("orders around a self-reference and puts a cycle last; those keys are the ones to defer", () => {
    const fks = [fk("tree", "tree"), fk("tree", "root"), fk("a", "b"), fk("b", "a"), fk("c", "a")];
    const order = parentsFirst(["c", "b", "a", "tree", "root"], fks);
    expect(order).toEqual(["root", "tree", "a", "b", "c"]);
    expect(backwardForeignKeys(order, fks)).toEqual([fk("tree", "tree"), fk("a", "b")]);
  });
});
