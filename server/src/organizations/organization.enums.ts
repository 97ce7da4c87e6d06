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

export enum CityRelationship {
  DIRECT = "DIRECT",
  CONTRACTED = "CONTRACTED",
  SUBSIDIZED = "SUBSIDIZED",
  INDEPENDENT = "INDEPENDENT",
}

registerEnumType(OrgType, { name: "OrgType", description: "運営主体の種別" });
registerEnumType(CityRelationship, { name: "CityRelationship", description: "市との関係 (直営/委託/補助/独立)" });
