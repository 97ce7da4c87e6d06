import { registerEnumType } from "type-graphql";

/** Areas overlap: one town belongs to a welfare area, a catchment and a school district at once. */
export enum AreaType {
  CITY = "CITY",
  WELFARE_AREA = "WELFARE_AREA",
  NURSE_DISTRICT = "NURSE_DISTRICT",
  HOUKATSU_CATCHMENT = "HOUKATSU_CATCHMENT",
  SHAKYO_DISTRICT = "SHAKYO_DISTRICT",
  COMMUNITY_COUNCIL = "COMMUNITY_COUNCIL",
  SCHOOL_DISTRICT = "SCHOOL_DISTRICT",
  TOWN = "TOWN",
}

export const AREA_TYPE_LABELS: Record<AreaType, string> = {
  CITY: "市全域",
  WELFARE_AREA: "地域福祉エリア",
  NURSE_DISTRICT: "保健師地区",
  HOUKATSU_CATCHMENT: "包括担当区域",
  SHAKYO_DISTRICT: "地区社協",
  COMMUNITY_COUNCIL: "コミュニティ協議会",
  SCHOOL_DISTRICT: "小学校区",
  TOWN: "町・自治会",
};

registerEnumType(AreaType, { name: "AreaType", description: "地域の種別 (重なり合う)" });
