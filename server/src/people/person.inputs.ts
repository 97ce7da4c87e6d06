import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from "class-validator";
import { today } from "@tsunagu/calendar";
import { IsCalendarDate, NotInFuture, Omittable, ja, jaEach } from "../core/validators.js";
import { IsReading } from "../readings/reading.js";
import { Accessibility, ParticipationRole, ResourceKind, TargetGroup } from "../resources/resource.enums.js";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";
import { RecordConsentFields } from "./consent.inputs.js";
import { Person } from "./person.entity.js";
import {
  AgeBand,
  Certificate,
  ContactPreference,
  GroupSizePreference,
  HouseholdCircumstance,
  HouseholdIssue,
  Mobility,
  ParticipationLevel,
} from "./person.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

const SHORT = 100;
const LONG = 2000;

/** Something to show: spaces alone (half- or full-width) would be stored as an empty, unclickable name. */
const VISIBLE_TEXT = /\S/;

/** A birth year is a past (or this) year in JST; a later one is a typo. */
const NotAfterThisYear = (): PropertyDecorator =>
  ValidateBy(
    {
      name: "notAfterThisYear",
      validator: { validate: (v) => typeof v !== "number" || v <= Number(today().slice(0, 4)) },
    },
    { message: "生まれ年に今年より後の年は入力できません" },
  );

@InputType({ description: "本人のニーズ (省略した項目は空)" })
export class NeedsInput {
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20, ja("活動は20個までにしてください"))
  @IsString({ each: true })
  @MaxLength(SHORT, jaEach(`活動はそれぞれ${SHORT}文字以内にしてください`))
  wantedActivities: string[];

  @Field(() => [ResourceKind], { defaultValue: [] })
  @IsEnum(ResourceKind, jaEach("資源の種類が正しくありません"))
  wantedKinds: ResourceKind[];

  @Field(() => [TargetGroup], { defaultValue: [] })
  @IsEnum(TargetGroup, jaEach("対象区分が正しくありません"))
  targetGroups: TargetGroup[];

  @Field(() => [Weekday], { defaultValue: [] })
  @IsEnum(Weekday, jaEach("曜日が正しくありません"))
  weekdays: Weekday[];

  @Field(() => [TimeBand], { defaultValue: [] })
  @IsEnum(TimeBand, jaEach("時間帯が正しくありません"))
  timeBands: TimeBand[];

  @Field(() => Mobility, { defaultValue: Mobility.UNKNOWN })
  @IsEnum(Mobility, ja("移動の手段が正しくありません"))
  mobility: Mobility = Mobility.UNKNOWN;

  @Field(() => Int, { nullable: true, description: "無理なく行ける距離 (m)" })
  @IsOptional()
  @IsInt(ja("距離は整数 (m) で入力してください"))
  @Min(100, ja("距離は100m以上にしてください"))
  @Max(50_000, ja("距離は50km以内にしてください"))
  maxTravelMeters?: number | null;

  @Field(() => GroupSizePreference, { defaultValue: GroupSizePreference.ANY })
  @IsEnum(GroupSizePreference, ja("人数の好みが正しくありません"))
  groupSize: GroupSizePreference = GroupSizePreference.ANY;

  @Field(() => [Accessibility], { defaultValue: [] })
  @IsEnum(Accessibility, jaEach("配慮の種類が正しくありません"))
  accessibility: Accessibility[];

  @Field(() => [ParticipationRole], { defaultValue: [] })
  @IsEnum(ParticipationRole, jaEach("参加の形が正しくありません"))
  roles: ParticipationRole[];

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  freeOnly: boolean = false;

  @Field(() => String, { defaultValue: "" })
  @MaxLength(LONG, ja(`希望は${LONG}文字以内にしてください`))
  wishes: string = "";

  @Field(() => String, { defaultValue: "" })
  @MaxLength(LONG, ja(`強みは${LONG}文字以内にしてください`))
  strengths: string = "";

  @Field(() => String, { defaultValue: "" })
  @MaxLength(LONG, ja(`その他は${LONG}文字以内にしてください`))
  otherPreferences: string = "";
}

/** Fields shared by create and update (update: a field left out keeps its value, null clears a nullable one). */
@InputType()
abstract class PersonFields {
  @Field(() => String, { nullable: true, description: "よみがな (省略時は自動で提案)" })
  @Omittable()
  @IsOptional()
  @IsReading()
  nameKana?: string | null;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsOptional()
  @IsInt(ja("生まれ年は整数で入力してください"))
  @Min(1900, ja("生まれ年は1900年以降にしてください"))
  @NotAfterThisYear()
  birthYear?: number | null;

  @Field(() => AgeBand, { nullable: true })
  @Omittable()
  @IsOptional()
  @IsEnum(AgeBand, ja("年齢層が正しくありません"))
  ageBand?: AgeBand | null;

  @Field(() => ID, { nullable: true })
  @Omittable()
  @IsOptional()
  @IsUUID("all", ja("地域の指定が正しくありません"))
  areaId?: string | null;

  @Field(() => Float, { nullable: true, description: "自宅付近の緯度 (約100m単位に丸めて保存)" })
  @Omittable()
  @IsOptional()
  @IsLatitude(ja("緯度が正しくありません"))
  homeLat?: number | null;

  @Field(() => Float, { nullable: true, description: "自宅付近の経度 (約100m単位に丸めて保存)" })
  @Omittable()
  @IsOptional()
  @IsLongitude(ja("経度が正しくありません"))
  homeLng?: number | null;

  @Field(() => ContactPreference, { nullable: true })
  @Omittable()
  @IsOptional()
  @IsEnum(ContactPreference, ja("連絡方法が正しくありません"))
  contactPreference?: ContactPreference | null;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString()
  @MaxLength(500, ja("連絡先のメモは500文字以内にしてください"))
  contactNote?: string;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString()
  @MaxLength(LONG, ja(`世帯の状況は${LONG}文字以内にしてください`))
  householdNote?: string;

  @Field(() => [HouseholdIssue], { nullable: true })
  @Omittable()
  @IsEnum(HouseholdIssue, jaEach("世帯の課題が正しくありません"))
  householdIssues?: HouseholdIssue[];

  @Field(() => [HouseholdCircumstance], { nullable: true, description: "世帯の事情" })
  @Omittable()
  @ArrayMaxSize(5, ja("世帯の事情は5つまでです"))
  @IsEnum(HouseholdCircumstance, jaEach("世帯の事情が正しくありません"))
  householdCircumstances?: HouseholdCircumstance[];

  @Field(() => [Certificate], { nullable: true, description: "持っている障害者手帳" })
  @Omittable()
  @ArrayMaxSize(3, ja("手帳は3種類までです"))
  @IsEnum(Certificate, jaEach("手帳の種類が正しくありません"))
  certificates?: Certificate[];

  @Field(() => NeedsInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  needs?: NeedsInput;

  @Field(() => ParticipationLevel, { nullable: true })
  @Omittable()
  @IsEnum(ParticipationLevel, ja("参加の段階が正しくありません"))
  participationLevel?: ParticipationLevel;

  @Field(() => ID, { nullable: true, description: "担当コーディネーター (省略時は登録した人)" })
  @Omittable()
  @IsOptional()
  @IsUUID("all", ja("担当者の指定が正しくありません"))
  coordinatorId?: string | null;
}

@InputType({ description: "本人の登録. 本人同意 (consent) か、支援会議 (supportMeetingGroupId) のどちらかが必要" })
export class CreatePersonInput extends PersonFields {
  @Field(() => String, { description: "表示名または仮名" })
  @IsString()
  @Matches(VISIBLE_TEXT, ja("表示名を入力してください"))
  @MaxLength(SHORT, ja(`表示名は${SHORT}文字以内にしてください`))
  displayName: string;

  @Field(() => LocalDate, { nullable: true, description: "相談受付日 (省略時は今日)" })
  @IsOptional()
  @IsCalendarDate()
  @NotInFuture()
  registeredOn?: string | null;

  @Field(() => ID, { nullable: true, description: "同意前の本人を扱う支援会議" })
  @IsOptional()
  @IsUUID("all", ja("支援会議の指定が正しくありません"))
  supportMeetingGroupId?: string | null;

  @Field(() => RecordConsentFields, { nullable: true, description: "登録と同時に記録する本人同意" })
  @IsOptional()
  @ValidateNested()
  consent?: RecordConsentFields | null;
}

@InputType()
export class UpdatePersonInput extends PersonFields {
  @Field(() => ID)
  @IsUUID("all", ja("本人の指定が正しくありません"))
  id: string;

  @Field(() => Int, { nullable: true, description: "読み込んだときの version (他の人の更新を上書きしないため)" })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  @Omittable()
  @IsString()
  @Matches(VISIBLE_TEXT, ja("表示名を入力してください"))
  @MaxLength(SHORT, ja(`表示名は${SHORT}文字以内にしてください`))
  displayName?: string;
}

@ObjectType()
export class PersonPayload {
  @Field(() => Person)
  person: Person;
}
