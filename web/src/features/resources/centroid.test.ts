import { describe, expect, it } from "vitest";
import { centroid } from "./centroid";

describe("centroid", () => {
  it("averages the located points and ignores listings without a position", () => {
    expect(
      centroid([
        { lat: 35.7, lng: 139.2 },
        { lat: null, lng: null },
        { lat: 35.72, lng: 139.24 },
      ]),
    ).toEqual({ lat: 35.71, lng: 139.22 });
  });

  it("rounds to about 10 m and is null when nothing is located", () => {
    expect(centroid([{ lat: 35.123456, lng: 139.987654 }])).toEqual({ lat: 35.1235, lng: 139.9877 });
    expect(centroid([])).toBeNull();
    expect(centroid([{ lat: 35, lng: null }])).toBeNull();
  });
});
