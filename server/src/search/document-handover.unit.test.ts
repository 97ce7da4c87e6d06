import { describe, expect, it } from "vitest";
import { DocumentHandover } from "./document-handover.js";

const doc = (s: string) => Buffer.from(JSON.stringify({ id: s }));

describe("DocumentHandover", () => {
  it("gives a listing's document only for the row it was handed over with, when that is the listing's one row", () => {
    const handover = new DocumentHandover();
    handover.put([
      { outboxId: "1", resourceId: "a", json: doc("a") },
      { outboxId: "2", resourceId: "b", json: doc("b") },
      { outboxId: "3", resourceId: "c", json: doc("c") },
    ]);
    const taken = handover.takeFor([
      { id: "1", entity_id: "a" },
      { id: "2", entity_id: "b" },
      { id: "9", entity_id: "b" }, // b changed again since: read as it is now
      { id: "7", entity_id: "c" }, // another row of c, not the one handed over
    ]);
    expect([...taken.keys()]).toEqual(["a"]);
    expect(taken.get("a")!.toString()).toBe('{"id":"a"}');
    // b's is let go with its batch; c's stays for its own row, and is given once only.
    expect(handover.size).toBe(1);
    expect([...handover.takeFor([{ id: "3", entity_id: "c" }]).keys()]).toEqual(["c"]);
    expect(handover.takeFor([{ id: "3", entity_id: "c" }]).size).toBe(0);
  });

  it("keeps at most its limit, letting the oldest go", () => {
    const handover = new DocumentHandover(2);
    handover.put([
      { outboxId: "1", resourceId: "a", json: doc("a") },
      { outboxId: "2", resourceId: "b", json: doc("b") },
      { outboxId: "3", resourceId: "c", json: doc("c") },
    ]);
    expect(handover.size).toBe(2);
    const taken = handover.takeFor([
      { id: "1", entity_id: "a" },
      { id: "2", entity_id: "b" },
      { id: "3", entity_id: "c" },
    ]);
    expect([...taken.keys()]).toEqual(["b", "c"]);
  });
});
