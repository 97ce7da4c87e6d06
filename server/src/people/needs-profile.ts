import { Field, Int, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import { TimeBand, Weekday } from "../schedules/schedule.value.js";
import { Accessibility, ParticipationRole, ResourceKind, TargetGroup } from "../resources/resource.enums.js";
import { GroupSizePreference, Mobility } from "./person.enums.js";

/** 本人のニーズ. Embedded in `person` as needs_* columns; what suggestions read. */
@ObjectType({ description: "本人のニーズ (希望する活動・曜日・時間帯・移動・好み・希望と強み)" })
export class NeedsProfile {
  @Field(() => [String], { description: "やってみたい活動 (体操, 料理, 畑 …)" })
  @Column("text", { array: true, default: () => "'{}'" })
  wantedActivities: string[];

  @Field(() => [ResourceKind], { description: "関心のある資源の種類" })
  @Column("text", { array: true, default: () => "'{}'" })
  wantedKinds: ResourceKind[];

  @Field(() => [TargetGroup], { description: "対象区分 (ひきこもり, 単身高齢者 …)" })
  @Column("text", { array: true, default: () => "'{}'" })
  targetGroups: TargetGroup[];

  @Field(() => [Weekday], { description: "参加できる曜日" })
  @Column("text", { array: true, default: () => "'{}'" })
  weekdays: Weekday[];

  @Field(() => [TimeBand], { description: "参加できる時間帯" })
  @Column("text", { array: true, default: () => "'{}'" })
  timeBands: TimeBand[];

  @Field(() => Mobility, { description: "移動の手段 (未確認なら既定の半径で提案する)" })
  @Column("text", { default: Mobility.UNKNOWN })
  mobility: Mobility;

  @Field(() => Int, { nullable: true, description: "無理なく行ける距離 (m)" })
  @Column("int", { nullable: true })
  maxTravelMeters: number | null;

  @Field(() => GroupSizePreference)
  @Column("text", { default: GroupSizePreference.ANY })
  groupSize: GroupSizePreference;

  @Field(() => [Accessibility], { description: "必要な配慮 (すべて満たす資源が望ましい)" })
  @Column("text", { array: true, default: () => "'{}'" })
  accessibility: Accessibility[];

  @Field(() => [ParticipationRole], { description: "望む参加の形" })
  @Column("text", { array: true, default: () => "'{}'" })
  roles: ParticipationRole[];

  @Field(() => Boolean, { description: "費用がかからないことが条件" })
  @Column("boolean", { default: false })
  freeOnly: boolean;

  @Field(() => String, { description: "本人の希望" })
  @Column("text", { default: "" })
  wishes: string;

  @Field(() => String, { description: "本人の強み・得意なこと" })
  @Column("text", { default: "" })
  strengths: string;

  @Field(() => String, { description: "その他の配慮・好み" })
  @Column("text", { default: "" })
  otherPreferences: string;
}

export const EMPTY_NEEDS: NeedsProfile = {
  wantedActivities: [],
  wantedKinds: [],
  targetGroups: [],
  weekdays: [],
  timeBands: [],
  mobility: Mobility.UNKNOWN,
  maxTravelMeters: null,
  groupSize: GroupSizePreference.ANY,
  accessibility: [],
  roles: [],
  freeOnly: false,
  wishes: "",
  strengths: "",
  otherPreferences: "",
};
