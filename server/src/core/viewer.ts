import type { UserRole } from "./roles.js";

/** Who is asking. Services and policies take this, never the request. */
export interface Viewer {
  userId: string;
  role: UserRole;
  organizationId: string | null;
  displayName: string;
  sessionId: string;
  /**
   * What the user must do before anything else (a temporary password to change, TOTP their role requires): while set,
   * only the root fields marked `@DuringAccountSetup()` answer (core/access.ts).
   */
  pendingSetup?: PendingSetup | null;
}

export type PendingSetup = "PASSWORD_CHANGE" | "TWO_FACTOR_ENROLMENT";
