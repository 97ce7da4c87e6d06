import { Field, Float, Int, ObjectType } from "type-graphql";
import { Resource } from "../resources/index.js";
import { Session } from "../schedules/schedule.types.js";

@ObjectType({ description: "提案の理由 (例: 「火曜午前の開催が本人の希望と一致」「自宅から1.2km」「見学可」)" })
export class SuggestionReason {
  @Field(() => String, {
    description:
      "理由の種類: ACTIVITY, TARGET_GROUP, TARGET_OTHER (マイナス), SCHEDULE, SCHEDULE_DAY, SCHEDULE_MISMATCH (マイナス), " +
      "DISTANCE, HOME_BASED, VISITING, KIND, ACCESSIBILITY, ROLE, TRANSPORT, HOUSEHOLD, PARTICIPATION, WISHES, " +
      "GROUP_SIZE, INFREQUENT (マイナス), NEXT_FAR (マイナス), OPENINGS, VISIT, TRIAL, FREE, VERIFIED",
  })
  code: string;

  @Field(() => String, { description: "画面に出す文" })
  text: string;

  @Field(() => Float, { description: "適合度への寄与 (点)。合わない点はマイナス。すべて足すと score になる" })
  points: number;
}

@ObjectType({ description: "提案から外した理由 (例: 「休止中」「満員 (空きなし)」「手帳等が必要」)" })
export class ExclusionReason {
  @Field(() => String, {
    description:
      "PAUSED, ENDED, AGE_OUT_OF_RANGE, FULL, CERTIFICATE_REQUIRED, SUPPORT_PLAN_REQUIRED, PLACE_BASED, TOO_FAR, NOT_FREE",
  })
  code: string;

  @Field(() => String, { description: "画面に出す文" })
  text: string;
}

@ObjectType({ description: "本人に合いそうな資源 (適合度つき)" })
export class Suggestion {
  @Field(() => Resource)
  resource: Resource;

  @Field(() => Float, { description: "適合度 (0〜100)。本人が示した希望のうち満たした割合" })
  score: number;

  @Field(() => [SuggestionReason], { description: "提案の理由 (寄与の大きい順)" })
  reasons: SuggestionReason[];

  @Field(() => Int, { nullable: true, description: "本人の自宅 (おおよその地点) から会場までの距離 (m)" })
  distanceMeters: number | null;

  @Field(() => Session, { nullable: true, description: "次回の開催" })
  nextSession: Session | null;

  @Field(() => Boolean, {
    description:
      "true: 受ける支援・サービス (住民主体サービス, 居住支援, シェルター, フードパントリー)。通う場とは分けて示す",
  })
  isService: boolean;
}

@ObjectType({ description: "条件は近いが提案から外した資源と、その理由" })
export class ExcludedResource {
  @Field(() => Resource)
  resource: Resource;

  @Field(() => [ExclusionReason])
  reasons: ExclusionReason[];

  @Field(() => Int, { nullable: true, description: "本人の自宅から会場までの距離 (m)" })
  distanceMeters: number | null;
}

@ObjectType({ description: "本人への資源の提案" })
export class SuggestionResult {
  @Field(() => [Suggestion], { description: "適合度の高い順 (同点は近い順)" })
  suggestions: Suggestion[];

  @Field(() => [ExcludedResource], { description: "外した資源 (本人に合いそうな順、最大20件)" })
  excluded: ExcludedResource[];

  @Field(() => Int, { description: "検討した候補の数 (提案・除外を含む)" })
  totalCandidates: number;

  @Field(() => Boolean, { description: "true: 検索エンジンに届かず PostgreSQL で候補を集めた (精度が下がる)" })
  degraded: boolean;

  @Field(() => String, { description: "候補を探した範囲 (例: 「自宅から半径3km (移動手段未確認のため)」)" })
  searchArea: string;

  @Field(() => Int, {
    nullable: true,
    description: "距離の目安にした半径 (m)。自宅の位置がない・在宅のみのときは null",
  })
  searchRadiusMeters: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "本人の希望が未記入のとき、何をもとに並べたか (例: 「本人の希望が未記入のため、年齢・参加の段階から提案しています」)",
  })
  basisNote: string | null;
}
