export interface Point {
  lat: number;
  lng: number;
}

/**
 * The mean position of the points that have one, or null when none has: the fallback centre of an area without one
 * of its own (the centre of the listings located in it), good enough to rank by distance within a city (a few km
 * across, so plain averaging of degrees is accurate to metres).
 */
export function centroid(points: readonly { lat: number | null; lng: number | null }[]): Point | null {
  const located = points.filter((p): p is Point => p.lat != null && p.lng != null);
  if (located.length === 0) return null;
  const sum = located.reduce((acc, p) => ({ lat: acc.lat + p.lat, lng: acc.lng + p.lng }), { lat: 0, lng: 0 });
  // Rounded to ~10 m: the point goes into query variables, and jitter in the last digits would only split the cache.
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { lat: round(sum.lat / located.length), lng: round(sum.lng / located.length) };
}

/**
 * Where 「◯◯の中心付近から」 measures from: the centre the administrators set on the area, else the average of its
 * located listings (null when neither is known).
 */
export function areaCentre(
  area: { centerLat?: number | null; centerLng?: number | null },
  listings: readonly { lat: number | null; lng: number | null }[],
): Point | null {
  if (area.centerLat != null && area.centerLng != null) return { lat: area.centerLat, lng: area.centerLng };
  return centroid(listings);
}
