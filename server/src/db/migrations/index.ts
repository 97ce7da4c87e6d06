import type { MigrationInterface } from "typeorm";
import { Casework1795341295058 } from "./1795341295058-Casework.js";
import { CaseworkForeignKeys1795341295100 } from "./1795341295100-CaseworkForeignKeys.js";
import { SearchFallbackTrigramIndexes1795338300000 } from "./1795338300000-SearchFallbackTrigramIndexes.js";
import { SearchOutboxAndScheduleColumns1795338227241 } from "./1795338227241-SearchOutboxAndScheduleColumns.js";
import { Init1795337683113 } from "./1795337683113-Init.js";
import { Audit1795400000000 } from "./1795400000000-Audit.js";
import { SignIn1795410000000 } from "./1795410000000-SignIn.js";
import { OfficeDays1795430000000 } from "./1795430000000-OfficeDays.js";
import { CatalogImport1796575125532 } from "./1796575125532-CatalogImport.js";
import { ResourceHistoryAndVerificationRequests1796575425073 } from "./1796575425073-ResourceHistoryAndVerificationRequests.js";
import { AreaCentreAndArchive1796577056826 } from "./1796577056826-AreaCentreAndArchive.js";
import { OrganizationArchive1796577900000 } from "./1796577900000-OrganizationArchive.js";
import { SupportMeetingArchive1796584854167 } from "./1796584854167-SupportMeetingArchive.js";
import { SearchMiss1796596333461 } from "./1796596333461-SearchMiss.js";
import { AbuseLimits1796608023920 } from "./1796608023920-AbuseLimits.js";
import { DropSearchTextTrigramIndexes1796700200000 } from "./1796700200000-DropSearchTextTrigramIndexes.js";
import { IndicatorTargets1796700100000 } from "./1796700100000-IndicatorTargets.js";
import { AuditChainAndPublicContact1796700400000 } from "./1796700400000-AuditChainAndPublicContact.js";
import { ResourceSearchText1796608029242 } from "./1796608029242-ResourceSearchText.js";
import { DropResourceTrigramIndexes1796650000000 } from "./1796650000000-DropResourceTrigramIndexes.js";
import { EvaluationRecords1796700000000 } from "./1796700000000-EvaluationRecords.js";
import { ImportHistoryAndSecondPhone1796584891834 } from "./1796584891834-ImportHistoryAndSecondPhone.js";
import { PersonCertificatesAndUnknownMobility1796595313236 } from "./1796595313236-PersonCertificatesAndUnknownMobility.js";
import { UserIdentity1796700300000 } from "./1796700300000-UserIdentity.js";
import { PersonRights1796700500000 } from "./1796700500000-PersonRights.js";

import { AccountSecurity1796700600000 } from "./1796700600000-AccountSecurity.js";
/** Applied in this order. Never edit a migration after it has landed on main: add a new one. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Init1795337683113,
  SearchOutboxAndScheduleColumns1795338227241,
  SearchFallbackTrigramIndexes1795338300000,
  Casework1795341295058,
  CaseworkForeignKeys1795341295100,
  Audit1795400000000,
  SignIn1795410000000,
  OfficeDays1795430000000,
  CatalogImport1796575125532,
  ResourceHistoryAndVerificationRequests1796575425073,
  AreaCentreAndArchive1796577056826,
  OrganizationArchive1796577900000,
  SupportMeetingArchive1796584854167,
  ImportHistoryAndSecondPhone1796584891834,
  PersonCertificatesAndUnknownMobility1796595313236,
  SearchMiss1796596333461,
  AbuseLimits1796608023920,
  ResourceSearchText1796608029242,
  DropResourceTrigramIndexes1796650000000,
  EvaluationRecords1796700000000,
  IndicatorTargets1796700100000,
  DropSearchTextTrigramIndexes1796700200000,
  UserIdentity1796700300000,
  AuditChainAndPublicContact1796700400000,
  PersonRights1796700500000,
  AccountSecurity1796700600000,
];
