import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../core/viewer.js";
import { forbidden } from "../core/errors.js";
import { WEEKDAYS_IN_ORDER } from "../schedules/schedule.value.js";
import { MunicipalSettings, SETTINGS_ID } from "./municipal-settings.entity.js";
import type { UpdateMunicipalSettingsInput } from "./municipal-settings.inputs.js";
import { municipalSettingsPolicy } from "./municipal-settings.policy.js";

export class MunicipalSettingsService {
  constructor(private readonly db: DataSource) {}

  /** The row is created by the migration; it always exists. */
  get(tx: EntityManager = this.db.manager): Promise<MunicipalSettings> {
    return tx.getRepository(MunicipalSettings).findOneByOrFail({ id: SETTINGS_ID });
  }

  /** For reads that tolerate a database without the row (null then), inside the caller's transaction. */
  static find(tx: EntityManager): Promise<MunicipalSettings | null> {
    return tx.getRepository(MunicipalSettings).findOneBy({ id: SETTINGS_ID });
  }

  /**
   * SQL for "a user of role `roleSql` must have TOTP", for the session check to read in the same statement as the
   * session (no second query per request). The settings row always exists (migration), so this is never null.
   */
  static twoFactorRequiredSql(roleSql: string): string {
    return `(SELECT ${roleSql} = ANY(ms.two_factor_required_roles) FROM municipal_settings ms WHERE ms.id = ${SETTINGS_ID})`;
  }

  async update(viewer: Viewer | null, input: UpdateMunicipalSettingsInput): Promise<MunicipalSettings> {
    if (!municipalSettingsPolicy.update(viewer)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const settings = await tx
        .getRepository(MunicipalSettings)
        .findOneOrFail({ where: { id: SETTINGS_ID }, lock: { mode: "pessimistic_write" } });
      for (const [key, value] of Object.entries(input))
        if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
      settings.settlingCheckMonths = [...new Set(settings.settlingCheckMonths)].sort((a, b) => a - b);
      settings.openWeekdays = WEEKDAYS_IN_ORDER.filter((d) => settings.openWeekdays.includes(d));
      settings.twoFactorRequiredRoles = [...new Set(settings.twoFactorRequiredRoles)].sort();
      return tx.getRepository(MunicipalSettings).save(settings);
    });
  }
}
