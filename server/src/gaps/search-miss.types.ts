import { Field, Int, ObjectType } from "type-graphql";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "../resources/resource.enums.js";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";

@ObjectType({ description: "見つからなかった検索の絞り込み (地点は記録しない: 半径のみ)" })
export class SearchMissFilters {
  @Field(() => [ResourceKind], { nullable: true })
  kinds?: ResourceKind[];
  @Field(() => [TargetGroup], { nullable: true })
  targetGroups?: TargetGroup[];
  @Field(() => [String], { description: "地域名" })
  areaNames: string[];
  @Field(() => [Weekday], { nullable: true })
  weekdays?: Weekday[];
  @Field(() => [TimeBand], { nullable: true })
  timeBands?: TimeBand[];
  @Field(() => String, { nullable: true, description: "時間帯の始まり (HH:MM)" })
  timeFrom?: string;
  @Field(() => String, { nullable: true, description: "時間帯の終わり (HH:MM)" })
  timeTo?: string;
  @Field(() => Boolean, { nullable: true })
  freeOnly?: boolean;
  @Field(() => [Accessibility], { nullable: true })
  accessibility?: Accessibility[];
  @Field(() => [TransportOption], { nullable: true })
  transport?: TransportOption[];
  @Field(() => [ParticipationRole], { nullable: true })
  rolesOffered?: ParticipationRole[];
  @Field(() => Boolean, { nullable: true })
  visitAllowed?: boolean;
  @Field(() => Boolean, { nullable: true })
  trialAllowed?: boolean;
  @Field(() => Int, { nullable: true, description: "年齢" })
  age?: number;
  @Field(() => Int, { nullable: true, description: "距離 (半径 m)" })
  radiusMeters?: number;
  @Field(() => [ResourceStatus], { nullable: true, description: "活動中のみ以外を選んだとき" })
  statuses?: ResourceStatus[];
}

@ObjectType({
  description: "探されたが見つからなかったもの: 同じことばと絞り込みの検索をまとめたもの (人は記録しない)",
})
export class SearchMissSummary {
  @Field(() => String, { description: "ことば (正規化したもの。絞り込みだけなら空)" })
  query: string;
  @Field(() => SearchMissFilters)
  filters: SearchMissFilters;
  @Field(() => Int, { description: "探された回数" })
  times: number;
  @Field(() => Date, { description: "最後に探された日時" })
  lastSearchedAt: Date;
  @Field(() => Int, { description: "いちばん少なかった件数" })
  fewestHits: number;
  @Field(() => [String], { description: "探した人の役割 (ADMIN / COORDINATOR / HOST / VIEWER / ANONYMOUS)" })
  roles: string[];
}
