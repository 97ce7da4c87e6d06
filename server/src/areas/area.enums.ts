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

registerEnumType(AreaType, { name: "AreaType", description: "地域の種別 (重なり合う)" });
