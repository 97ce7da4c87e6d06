/** Geometry of 「みどり野市」 (which area a point is in) and small generators shared by the demo-data modules. */
import { BBOX, CENTER, CITY_NAME, GIVEN_NAMES, HALF, PREFECTURE, SURNAMES, TOWN_BY_KEY } from "./demo-city.names.js";
import type { Rng } from "./rng.js";

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Normalized position (-1..1, east/north positive) → coordinates, rounded to 6 decimals (≈ 0.1 m). */
export function toLatLng(nx: number, ny: number): { lat: number; lng: number } {
  return { lat: round6(CENTER.lat + ny * HALF.lat), lng: round6(CENTER.lng + nx * HALF.lng) };
}

/** 地域福祉エリア: four wedges (north / east / south / west) around the city centre. */
export function welfareAreaAt(lat: number, lng: number): string {
  const nx = (lng - CENTER.lng) / HALF.lng;
  const ny = (lat - CENTER.lat) / HALF.lat;
  if (Math.abs(ny) >= Math.abs(nx)) return ny >= 0 ? "wa-north" : "wa-south";
  return nx >= 0 ? "wa-east" : "wa-west";
}

/** 包括担当区域: three west–east bands; 小学校区: three north–south bands. */
export function areaKeysAt(lat: number, lng: number): string[] {
  const nx = (lng - CENTER.lng) / HALF.lng;
  const ny = (lat - CENTER.lat) / HALF.lat;
  const catchment = nx < -1 / 3 ? "hk-west" : nx > 1 / 3 ? "hk-east" : "hk-central";
  const school = ny > 0.25 ? "sd-north" : ny < -0.3 ? "sd-south" : "sd-central";
  return [welfareAreaAt(lat, lng), catchment, school];
}

export function insideBbox(lat: number, lng: number): boolean {
  return lat >= BBOX.south && lat <= BBOX.north && lng >= BBOX.west && lng <= BBOX.east;
}

export function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)} ${rng.pick(GIVEN_NAMES)}`;
}

/** 042-5xx-xxxx (a fictional range for the demo; do not call). */
export function demoPhone(rng: Rng): string {
  return `042-5${rng.int(10, 99)}-${String(rng.int(0, 9999)).padStart(4, "0")}`;
}

/** 「東京都みどり野市若葉町2-14-3」, or 番地 only in rural towns (「…奥野1234」). */
export function townAddress(rng: Rng, townKey: string, chome: number = rng.int(1, 5)): string {
  const town = TOWN_BY_KEY.get(townKey);
  if (!town) throw new Error(`unknown town ${townKey}`);
  const rest = town.rural ? `${rng.int(100, 2999)}` : `${chome}-${rng.int(1, 28)}-${rng.int(1, 20)}`;
  return `${PREFECTURE}${CITY_NAME[0]}${town.part[0]}${rest}`;
}
