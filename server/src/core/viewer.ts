import type { UserRole } from "./roles.js";

/** Who is asking. Services and policies take this, never the request. */
export interface Viewer {
  userId: string;
  role: UserRole;
  organizationId: string | null;
  displayName: string;
  sessionId: string;
}
