import { Field, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayNotEmpty, IsBoolean, IsEnum, IsInt, Max, Min, ValidateBy } from "class-validator";
import { Omittable, ja, jaEach } from "../core/validators.js";
import { Weekday } from "../schedules/schedule.value.js";
import { UserRole } from "../core/roles.js";
import {
  AUDIT_RETENTION_MAX_DAYS,
  AUDIT_RETENTION_MIN_DAYS,
  RETENTION_MAX_YEARS,
  RETENTION_MIN_YEARS,
} from "./municipal-settings.entity.js";

const MAX_SETTLING_CHECKS = 6;
const SETTLING_CHECK_LAST_MONTH = 24;

/**
 * 定着確認の時期: up to six months, each 1〜24 after the start (an empty list means no 定着確認). One constraint with one
 * message for what is wrong, so a missing list is not reported as "too many checks" and "not an integer" at once.
 */
function IsSettlingCheckMonths(): PropertyDecorator {
  return ValidateBy(
    {
      name: "isSettlingCheckMonths",
      validator: {
        validate: (value) =>
          Array.isArray(value) &&
          value.length <= MAX_SETTLING_CHECKS &&
          value.every((m) => Number.isInteger(m) && m >= 1 && m <= SETTLING_CHECK_LAST_MONTH),
      },
    },
    {
      message: ({ value }) =>
        !Array.isArray(value)
          ? "定着確認の時期を指定してください"
          : value.length > MAX_SETTLING_CHECKS
            ? `定着確認は${MAX_SETTLING_CHECKS}回までにしてください`
            : `定着確認は1〜${SETTLING_CHECK_LAST_MONTH}か月の間で指定してください`,
    },
  );
}

@InputType({ description: "運用設定の変更 (省略した項目はそのまま)" })
export class UpdateMunicipalSettingsInput {
  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  requireSupportPlanForMatch?: boolean;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(1, ja("1日以上にしてください"))
  @Max(90, ja("90日以内にしてください"))
  firstCheckDays?: number;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(0, ja("0か月以上にしてください"))
  @Max(24, ja("24か月以内にしてください"))
  followUpMonths?: number;

  @Field(() => [Int], { nullable: true })
  @Omittable()
  @IsSettlingCheckMonths()
  settlingCheckMonths?: number[];

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(1, ja("1か月以上にしてください"))
  @Max(12, ja("12か月以内にしてください"))
  postClosureIntervalMonths?: number;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(0, ja("0回以上にしてください"))
  @Max(12, ja("12回以内にしてください"))
  postClosureContacts?: number;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(0, ja("0日以上にしてください"))
  @Max(60, ja("60日以内にしてください"))
  onTimeGraceDays?: number;

  @Field(() => [Weekday], { nullable: true, description: "窓口の開いている曜日" })
  @Omittable()
  @ArrayNotEmpty(ja("開いている曜日を1つ以上選んでください"))
  @IsEnum(Weekday, jaEach("曜日が正しくありません"))
  openWeekdays?: Weekday[];

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  closedOnHolidays?: boolean;

  @Field(() => Boolean, { nullable: true })
  @Omittable()
  @IsBoolean()
  closedForYearEnd?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `監査ログの保存日数 (${AUDIT_RETENTION_MIN_DAYS}〜${AUDIT_RETENTION_MAX_DAYS}日)`,
  })
  @Omittable()
  @IsInt()
  @Min(AUDIT_RETENTION_MIN_DAYS, ja(`${AUDIT_RETENTION_MIN_DAYS}日以上にしてください`))
  @Max(AUDIT_RETENTION_MAX_DAYS, ja(`${AUDIT_RETENTION_MAX_DAYS}日以内にしてください`))
  auditRetentionDays?: number;
  @Field(() => Int, {
    nullable: true,
    description: `本人の記録の保存年数 (${RETENTION_MIN_YEARS}〜${RETENTION_MAX_YEARS}年)`,
  })
  @Omittable()
  @IsInt()
  @Min(RETENTION_MIN_YEARS, ja(`${RETENTION_MIN_YEARS}年以上にしてください`))
  @Max(RETENTION_MAX_YEARS, ja(`${RETENTION_MAX_YEARS}年以内にしてください`))
  personRetentionYears?: number;

  @Field(() => Int, {
    nullable: true,
    description: `フォローアップ記録の保存年数 (${RETENTION_MIN_YEARS}〜${RETENTION_MAX_YEARS}年)`,
  })
  @Omittable()
  @IsInt()
  @Min(RETENTION_MIN_YEARS, ja(`${RETENTION_MIN_YEARS}年以上にしてください`))
  @Max(RETENTION_MAX_YEARS, ja(`${RETENTION_MAX_YEARS}年以内にしてください`))
  followUpNoteRetentionYears?: number;

  @Field(() => Int, {
    nullable: true,
    description: `相談受付の記録の保存年数 (${RETENTION_MIN_YEARS}〜${RETENTION_MAX_YEARS}年)`,
  })
  @Omittable()
  @IsInt()
  @Min(RETENTION_MIN_YEARS, ja(`${RETENTION_MIN_YEARS}年以上にしてください`))
  @Max(RETENTION_MAX_YEARS, ja(`${RETENTION_MAX_YEARS}年以内にしてください`))
  intakeRetentionYears?: number;

  @Field(() => Int, {
    nullable: true,
    description: `会議の記録の保存年数 (${RETENTION_MIN_YEARS}〜${RETENTION_MAX_YEARS}年)`,
  })
  @Omittable()
  @IsInt()
  @Min(RETENTION_MIN_YEARS, ja(`${RETENTION_MIN_YEARS}年以上にしてください`))
  @Max(RETENTION_MAX_YEARS, ja(`${RETENTION_MAX_YEARS}年以内にしてください`))
  meetingRetentionYears?: number;

  @Field(() => [UserRole], { nullable: true, description: "二段階認証を必須にする役割 (空なら必須にしない)" })
  @Omittable()
  @ArrayMaxSize(10, ja("役割は10個までにしてください"))
  @IsEnum(UserRole, jaEach("役割が正しくありません"))
  twoFactorRequiredRoles?: UserRole[];
}
