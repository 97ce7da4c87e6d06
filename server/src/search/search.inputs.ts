import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
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
  ValidateNested,
} from "class-validator";
import { ja, jaEach } from "../core/validators.js";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";

export enum SearchSort {
  RELEVANCE = "RELEVANCE",
  DISTANCE = "DISTANCE",
  NEXT_SESSION = "NEXT_SESSION",
  RECENTLY_VERIFIED = "RECENTLY_VERIFIED",
}
registerEnumType(SearchSort, {
  name: "SearchSort",
  description: "関連度 / 近い順 / 次回開催が早い順 / 最近確認された順",
});

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType({ description: "開始時刻の範囲 (この範囲に始まる回がある資源)" })
export class TimeWindowInput {
  @Field(() => String, { description: "HH:MM" })
  @Matches(HHMM, ja("時刻は HH:MM の形で入力してください"))
  from: string;

  @Field(() => String, { description: "HH:MM" })
  @Matches(HHMM, ja("時刻は HH:MM の形で入力してください"))
  to: string;
}

@InputType({ description: "この地点から半径 radiusMeters 以内" })
export class NearInput {
  @Field(() => Float)
  @IsLatitude(ja("緯度は-90〜90の範囲で入力してください"))
  lat: number;

  @Field(() => Float)
  @IsLongitude(ja("経度は-180〜180の範囲で入力してください"))
  lng: number;

  /** 50 km covers any one municipality; a larger radius is a mistake rather than a search. */
  @Field(() => Int, { defaultValue: 3000 })
  @IsInt()
  @Min(50, ja("半径は50m以上にしてください"))
  @Max(50_000, ja("半径は50km以内にしてください"))
  radiusMeters: number = 3000;
}

/** Every filter of the 資源をさがす screen. Lists mean "any of", except accessibility: a person needs all of theirs. */
@InputType()
export class SearchResourcesInput {
  @Field(() => String, { nullable: true, description: "ことば (漢字・ひらがな・カタカナ・よみ)" })
  @IsOptional()
  @IsString()
  @MaxLength(100, ja("検索語は100文字以内にしてください"))
  text?: string | null;

  @Field(() => [ResourceKind], { nullable: true })
  @IsOptional()
  @IsEnum(ResourceKind, jaEach("種類の値が正しくありません"))
  @ArrayMaxSize(50)
  kinds?: ResourceKind[] | null;

  @Field(() => [TargetGroup], { nullable: true })
  @IsOptional()
  @IsEnum(TargetGroup, jaEach("対象者の値が正しくありません"))
  @ArrayMaxSize(30)
  targetGroups?: TargetGroup[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID("all", jaEach("地域IDが正しくありません"))
  @ArrayMaxSize(50)
  areaIds?: string[] | null;

  @Field(() => [Weekday], { nullable: true })
  @IsOptional()
  @IsEnum(Weekday, jaEach("曜日の値が正しくありません"))
  @ArrayMaxSize(7)
  weekdays?: Weekday[] | null;

  @Field(() => [TimeBand], { nullable: true })
  @IsOptional()
  @IsEnum(TimeBand, jaEach("時間帯の値が正しくありません"))
  @ArrayMaxSize(3)
  timeBands?: TimeBand[] | null;

  @Field(() => TimeWindowInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  timeWindow?: TimeWindowInput | null;

  @Field(() => Boolean, { nullable: true, description: "無料のみ" })
  @IsOptional()
  @IsBoolean()
  freeOnly?: boolean | null;

  @Field(() => [Accessibility], { nullable: true, description: "すべて満たす資源" })
  @IsOptional()
  @IsEnum(Accessibility, jaEach("バリアフリーの値が正しくありません"))
  @ArrayMaxSize(10)
  accessibility?: Accessibility[] | null;

  @Field(() => [TransportOption], { nullable: true })
  @IsOptional()
  @IsEnum(TransportOption, jaEach("交通の値が正しくありません"))
  @ArrayMaxSize(10)
  transport?: TransportOption[] | null;

  @Field(() => [ParticipationRole], { nullable: true })
  @IsOptional()
  @IsEnum(ParticipationRole, jaEach("参加の形の値が正しくありません"))
  @ArrayMaxSize(10)
  rolesOffered?: ParticipationRole[] | null;

  @Field(() => Boolean, { nullable: true, description: "見学できる資源のみ" })
  @IsOptional()
  @IsBoolean()
  visitAllowed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "体験できる資源のみ" })
  @IsOptional()
  @IsBoolean()
  trialAllowed?: boolean | null;

  @Field(() => Int, { nullable: true, description: "本人の年齢 (対象年齢に入る資源のみ)" })
  @IsOptional()
  @IsInt()
  @Min(0, ja("年齢は0以上にしてください"))
  @Max(120, ja("年齢は120以下にしてください"))
  age?: number | null;

  @Field(() => NearInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  near?: NearInput | null;

  @Field(() => Boolean, { defaultValue: true, description: "地域・距離で絞るときも市全域の資源を含める" })
  @IsBoolean()
  includeCitywide: boolean = true;

  @Field(() => [ResourceStatus], { nullable: true, description: "省略時は活動中のみ" })
  @IsOptional()
  @IsEnum(ResourceStatus, jaEach("状態の値が正しくありません"))
  statuses?: ResourceStatus[] | null;

  @Field(() => Int, { nullable: true, description: "この日数以内に確認された資源のみ" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  verifiedWithinDays?: number | null;

  @Field(() => SearchSort, { defaultValue: SearchSort.RELEVANCE })
  @IsEnum(SearchSort, ja("並び順の値が正しくありません"))
  sort: SearchSort = SearchSort.RELEVANCE;
}
