import { describe, expect, it } from "vitest";
import { joinJapaneseAddress, splitJapaneseAddress } from "./hsds-address.js";

describe("Japanese addresses as HSDS address parts", () => {
  it.each([
    ["東京都武蔵村山市本町1-2-3", "東京都", "武蔵村山市", "本町1-2-3"],
    ["神奈川県横浜市中区山下町1", "神奈川県", "横浜市中区", "山下町1"],
    ["東京都町田市森野2-2-22", "東京都", "町田市", "森野2-2-22"],
    ["千葉県市川市八幡1-1-1", "千葉県", "市川市", "八幡1-1-1"],
    ["東京都世田谷区世田谷4-21-27", "東京都", "世田谷区", "世田谷4-21-27"],
    ["北海道余市郡余市町朝日町1", "北海道", "余市郡余市町", "朝日町1"],
    ["本町1-2-3 公民館", "", "本町", "1-2-3 公民館"],
  ])("%s", (address, state_province, city, address_1) => {
    const parts = splitJapaneseAddress(address);
    expect(parts).toEqual({ state_province, city, address_1 });
    expect(joinJapaneseAddress(parts)).toBe(address);
  });
});
