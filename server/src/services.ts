import type { DataSource } from "typeorm";
import { AreaService } from "./areas/area.service.js";
import { AuthService } from "./auth/auth.service.js";
import { OrganizationService } from "./organizations/organization.service.js";
import { ResourceService } from "./resources/resource.service.js";

/** One instance of each service per app; they hold no per-request state. */
export interface AppServices {
  auth: AuthService;
  areas: AreaService;
  organizations: OrganizationService;
  resources: ResourceService;
}

export function createServices(db: DataSource, options: { sessionTtlHours: number }): AppServices {
  return {
    auth: new AuthService(db, options.sessionTtlHours),
    areas: new AreaService(db),
    organizations: new OrganizationService(db),
    resources: new ResourceService(db),
  };
}
