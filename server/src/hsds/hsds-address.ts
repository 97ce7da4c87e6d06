/**
 * A Japanese address split into HSDS's parts: 都道府県 → state_province, 市区町村 (with its 郡) → city, the rest →
 * address_1. tsunagu keeps one address string, so joining the parts again gives it back unchanged.
 */
const PREFECTURE = /^(東京都|北海道|京都府|大阪府|[^\s都道府県]{2,3}県)/;
// A 郡 and its 町 or 村 first, then a 市 (with its 区 for a designated city), a Tokyo 区, a 町 or 村. Names such as
// 四日市市 split one character early; joining the parts still gives the address back.
const MUNICIPALITY = /^(\S{1,5}?郡\S{1,5}?[町村]|\S{1,6}?市(?:\S{1,4}?区)?|\S{1,4}?区|\S{1,5}?[町村])/;

export function splitJapaneseAddress(address: string): { state_province: string; city: string; address_1: string } {
  let rest = address;
  const pref = PREFECTURE.exec(rest)?.[1] ?? "";
  rest = rest.slice(pref.length);
  const city = MUNICIPALITY.exec(rest)?.[1] ?? "";
  rest = rest.slice(city.length);
  return { state_province: pref, city, address_1: rest };
}

export function joinJapaneseAddress(a: {
  state_province?: string;
  city?: string;
  address_1?: string;
  address_2?: string;
}) {
  return [a.state_province, a.city, a.address_1, a.address_2].map((p) => p ?? "").join("");
}
