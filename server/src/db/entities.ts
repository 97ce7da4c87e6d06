import { Area } from "../areas/area.entity.js";
import { CatalogImportUpload, ResourceSource, SavedColumnMapping } from "../catalog-import/catalog-import.entity.js";
import { AuditEvent } from "../audit/audit-event.entity.js";
import { SignInThrottle } from "../auth/sign-in-throttle.entity.js";
import { UserSession, User, UserCredential, UserRecoveryCode } from "../auth/user.entity.js";
import { UserIdentity } from "../auth/oidc/user-identity.entity.js";
import { FollowUpDue, FollowUpRecord } from "../followups/followup.entity.js";
import { ResourceGap } from "../gaps/resource-gap.entity.js";
import { CooperationRequest } from "../host-relations/cooperation-request.entity.js";
import { HostSupport } from "../host-relations/host-support.entity.js";
import { ConsultationIntake } from "../intake/consultation-intake.entity.js";
import { MeetingRecord } from "../meetings/meeting-record.entity.js";
import { SearchMiss } from "../gaps/search-miss.entity.js";
import { Attendance, Match, MatchTransition } from "../matching/match.entity.js";
import {
  IndicatorEnteredValue,
  IndicatorTarget,
  IndicatorValueChange,
  ReportNarrative,
} from "../indicators/indicator-value.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { Consent } from "../people/consent.entity.js";
import { Person } from "../people/person.entity.js";
import { SupportMeetingGroup } from "../people/support-meeting.entity.js";
import { SupportPlan } from "../people/support-plan.entity.js";
import { PersonCorrection, PersonErasure } from "../person-rights/person-rights.entity.js";
import { Resource } from "../resources/resource.entity.js";
import { ResourceChange } from "../resources/resource-change.entity.js";
import { VerificationRequest } from "../resources/verification-request.entity.js";
import { SearchOutbox } from "../search/search-outbox.entity.js";
import { MunicipalSettings } from "../settings/municipal-settings.entity.js";

/** Every TypeORM entity, listed explicitly: globs do not work the same under tsc output and vitest. */
export const ENTITIES = [
  Area,
  Organization,
  Resource,
  ResourceChange,
  VerificationRequest,
  User,
  UserCredential,
  UserSession,
  UserRecoveryCode,
  SearchOutbox,
  Person,
  SupportMeetingGroup,
  SupportPlan,
  Consent,
  Match,
  MatchTransition,
  Attendance,
  FollowUpDue,
  FollowUpRecord,
  ResourceGap,
  SearchMiss,
  MunicipalSettings,
  AuditEvent,
  SignInThrottle,
  ResourceSource,
  CatalogImportUpload,
  SavedColumnMapping,
  IndicatorTarget,
  IndicatorEnteredValue,
  IndicatorValueChange,
  ReportNarrative,
  ConsultationIntake,
  CooperationRequest,
  HostSupport,
  MeetingRecord,
  UserIdentity,
  PersonCorrection,
  PersonErasure,
];
