import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { Area } from "../areas/area.entity.js";
import { AreaType } from "../areas/area.enums.js";
import { AuthService } from "../auth/auth.service.js";
import { User, UserRole } from "../auth/user.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { CityRelationship, OrgType } from "../organizations/organization.enums.js";
import { normalizeReading } from "../readings/reading.js";
import { ResourceKind, ResourceStatus } from "../resources/resource.enums.js";
import { Resource } from "../resources/resource.entity.js";
import { EMPTY_SCHEDULE } from "../schedules/schedule.value.js";
import { deriveScheduleColumns } from "../resources/resource.derived.js";
import { enqueueResources } from "../search/search-outbox.js";

const suffix = () => randomBytes(3).toString("hex");
export const TEST_PASSWORD = "correct horse battery staple";

/**
 * Real rows in the test's own database; each builder creates the parents it needs, so a test states only what it
 * cares about. Readings default to katakana that pass `isReading`.
 */
export class Factories {
  constructor(private readonly db: DataSource) {}

  async organization(overrides: Partial<Organization> = {}): Promise<Organization> {
    const repo = this.db.getRepository(Organization);
    return repo.save(repo.create({
      name: `テスト団体 ${suffix()}`, nameKana: "テストダンタイ", orgType: OrgType.NPO,
      cityRelationship: CityRelationship.INDEPENDENT, contactName: null, contactPhone: null, contactEmail: null, address: null,
      ...overrides,
    }));
  }

  async area(overrides: Partial<Area> & { parentIds?: string[] } = {}): Promise<Area> {
    const { parentIds = [], ...fields } = overrides;
    const repo = this.db.getRepository(Area);
    const area = await repo.save(repo.create({ type: AreaType.WELFARE_AREA, name: `テスト地区 ${suffix()}`, nameKana: "テストチク", code: null, ...fields }));
    for (const parentId of parentIds) await this.db.query("INSERT INTO area_parent (area_id, parent_id) VALUES ($1, $2)", [area.id, parentId]);
    return area;
  }

  async resource(overrides: Partial<Resource> & { areaIds?: string[] } = {}): Promise<Resource> {
    const { areaIds = [], ...fields } = overrides;
    const organizationId = fields.organizationId ?? (await this.organization()).id;
    const nameKana = fields.nameKana ?? "テストシゲン";
    const repo = this.db.getRepository(Resource);
    const resource = await repo.save(repo.create({
      name: `テスト資源 ${suffix()}`, kind: ResourceKind.KAYOI_NO_BA, description: "", status: ResourceStatus.ACTIVE,
      targetGroups: [], rolesOffered: [], activities: [], accessibility: [], transportOptions: [], schedule: EMPTY_SCHEDULE,
      eligibility: { ageMin: null, ageMax: null, certificateRequired: false, residenceRequired: false, requiresSupportPlan: false, referredCasesOnly: false },
      ...fields, organizationId, nameKana, readingKey: normalizeReading(nameKana),
      ...deriveScheduleColumns(fields.schedule ?? EMPTY_SCHEDULE),
    }));
    if (areaIds.length) {
      await this.db.query("INSERT INTO resource_area (resource_id, area_id) SELECT $1, unnest($2::uuid[])", [resource.id, areaIds]);
    }
    await this.db.transaction((tx) => enqueueResources(tx, [resource.id]));
    return resource;
  }

  /** A user who can sign in with TEST_PASSWORD. HOST users get an organization unless one is given. */
  async user(overrides: { role?: UserRole; organizationId?: string | null; email?: string; displayName?: string } = {}): Promise<User> {
    const role = overrides.role ?? UserRole.COORDINATOR;
    const organizationId = overrides.organizationId !== undefined
      ? overrides.organizationId
      : role === UserRole.HOST ? (await this.organization()).id : null;
    return new AuthService(this.db, 12).createUser({
      email: overrides.email ?? `${role.toLowerCase()}-${suffix()}@example.jp`,
      displayName: overrides.displayName ?? `テスト ${role}`,
      role, organizationId, password: TEST_PASSWORD,
    });
  }
}
