import { CASEWORKERS, hasRole } from "../core/roles.js";
import type { Viewer } from "../core/viewer.js";
import { IntakeOutcome } from "./intake.enums.js";

/**
 * Pure rules for 相談受付. The records carry an age band and a 地区, so they are casework: caseworkers (ADMIN,
 * COORDINATOR) record, correct and list them; hosts and viewers never see one (viewers get the report's totals).
 */
export const intakePolicy = {
  list: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  create: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  update: (viewer: Viewer | null): boolean => hasRole(viewer, CASEWORKERS),
  /** Only a consultation that ended in consent became a 本人 record; whether the viewer sees that person is checked apart. */
  link: (viewer: Viewer | null, intake: { outcome: IntakeOutcome }): boolean =>
    hasRole(viewer, CASEWORKERS) && intake.outcome === IntakeOutcome.CONSENTED,
  /** A linked consultation keeps the outcome that allowed the link: unlink first. */
  mayChangeOutcome: (intake: { personId: string | null }, to: IntakeOutcome): boolean =>
    intake.personId === null || to === IntakeOutcome.CONSENTED,
};
