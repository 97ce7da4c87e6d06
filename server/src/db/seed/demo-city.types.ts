/** Shapes and constants of the demo data (see demo-city.ts). */
import type { AreaType } from "../../areas/area.enums.js";
import type { CityRelationship, OrgType } from "../../organizations/organization.enums.js";
import type {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../../resources/resource.enums.js";
import type { ScheduleValue } from "../../schedules/schedule.value.js";

export interface DemoArea {
  key: string;
  type: AreaType;
  name: string;
  nameKana: string;
  code: string;
  parentKeys: string[];
}
export interface DemoOrganization {
  key: string;
  name: string;
  nameKana: string;
  orgType: OrgType;
  cityRelationship: CityRelationship;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  address: string | null;
}
export interface DemoResource {
  name: string;
  nameKana: string;
  kind: ResourceKind;
  description: string;
  organizationKey: string;
  targetGroups: TargetGroup[];
  ageMin: number | null;
  ageMax: number | null;
  certificateRequired: boolean;
  residenceRequired: boolean;
  requiresSupportPlan: boolean;
  referredCasesOnly: boolean;
  rolesOffered: ParticipationRole[];
  activities: string[];
  venueName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  areaKeys: string[];
  citywide: boolean;
  homeBased: boolean;
  visiting: boolean;
  schedule: ScheduleValue;
  capacity: number | null;
  openings: number | null;
  costPerSessionYen: number;
  accessibility: Accessibility[];
  nearestStop: string | null;
  transportOptions: TransportOption[];
  visitAllowed: boolean;
  trialAllowed: boolean;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  status: ResourceStatus;
  verifiedDaysAgo: number | null;
}
export interface DemoUser {
  email: string;
  displayName: string;
  role: "ADMIN" | "COORDINATOR" | "HOST" | "VIEWER";
  organizationKey: string | null;
  password: string;
}
export interface DemoCity {
  name: string;
  nameKana: string;
  population: number;
  bbox: { south: number; west: number; north: number; east: number };
  areas: DemoArea[];
  organizations: DemoOrganization[];
  users: DemoUser[];
}

/** Default seed: the same city every time. */
export const DEMO_SEED = 20261122;
