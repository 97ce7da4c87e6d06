import type { Viewer } from "../core/viewer.js";
import { ADMINS, hasRole } from "../core/roles.js";

/** Pure rules for the city's settings (follow-up periods, office days, audit retention): administrators change them. */
export const municipalSettingsPolicy = {
  update: (viewer: Viewer | null): boolean => hasRole(viewer, ADMINS),
};
