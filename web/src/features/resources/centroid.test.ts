import { describe, expect, it } from "vitest";
import { areaCentre, centroid } from "./centroid";

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

describe("areaCentre", () => {
  const listings = [
    { lat: 35.0, lng: 139.0 },
    { lat: 35.2, lng: 139.2 },
  ];
  it("uses the centre set on the area, not the listings' average", () => {
    expect(areaCentre({ centerLat: 35.68, centerLng: 139.76 }, listings)).toEqual({ lat: 35.68, lng: 139.76 });
  });
  it("falls back to the average of the located listings when the area has no centre (or half of one)", () => {
    expect(areaCentre({ centerLat: null, centerLng: null }, listings)).toEqual({ lat: 35.1, lng: 139.1 });
    expect(areaCentre({ centerLat: 35.68, centerLng: null }, listings)).toEqual({ lat: 35.1, lng: 139.1 });
    expect(areaCentre({}, [])).toBeNull();
  });
});
