import { registerEnumType } from "type-graphql";

export enum OrgType {
  MUNICIPAL_DIVISION = "MUNICIPAL_DIVISION",
  SHAKYO_CITY = "SHAKYO_CITY",
  SHAKYO_DISTRICT = "SHAKYO_DISTRICT",
  SOCIAL_WELFARE_CORP = "SOCIAL_WELFARE_CORP",
  NPO = "NPO",
  COMPANY = "COMPANY",
  NURSERY = "NURSERY",
  RESIDENT_GROUP = "RESIDENT_GROUP",
  MEDICAL_PROF = "MEDICAL_PROF",
  UNIVERSITY = "UNIVERSITY",
  PUBLIC_AGENCY = "PUBLIC_AGENCY",
}

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  MUNICIPAL_DIVISION: "市の課",
  SHAKYO_CITY: "社会福祉協議会",
  SHAKYO_DISTRICT: "地区社協",
  SOCIAL_WELFARE_CORP: "社会福祉法人",
  NPO: "NPO法人",
  COMPANY: "企業・事業主",
  NURSERY: "保育園・こども園",
  RESIDENT_GROUP: "住民グループ",
  MEDICAL_PROF: "医療・専門職",
  UNIVERSITY: "大学",
  PUBLIC_AGENCY: "公的機関",
};

export enum CityRelationship {
  DIRECT = "DIRECT",
  CONTRACTED = "CONTRACTED",
  SUBSIDIZED = "SUBSIDIZED",
  INDEPENDENT = "INDEPENDENT",
}

export const CITY_RELATIONSHIP_LABELS: Record<CityRelationship, string> = {
  DIRECT: "直営",
  CONTRACTED: "委託",
  SUBSIDIZED: "補助",
  INDEPENDENT: "独立",
};

registerEnumType(OrgType, { name: "OrgType", description: "運営主体の種別" });
registerEnumType(CityRelationship, { name: "CityRelationship", description: "市との関係 (直営/委託/補助/独立)" });
