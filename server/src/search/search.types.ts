import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../core/pagination.js";
import { Resource } from "../resources/index.js";
import { Session } from "../schedules/schedule.types.js";
import { UnderstoodKind } from "./query/query-words.js";

registerEnumType(UnderstoodKind, {
  name: "UnderstoodKind",
  description: "ことばから読み取った絞り込みの種類 (曜日 / 時間帯 / 時刻 / 地域 / 無料 / 交通 / 見学 / 体験)",
});

@ObjectType({ description: "検索語のうち絞り込みとして読み取ったことば (画面では外せるチップ)" })
export class UnderstoodFilter {
  @Field(() => UnderstoodKind)
  kind: UnderstoodKind;

  @Field(() => String, { description: "曜日・時間帯・交通の値、地域ID、時刻の範囲 (HH:MM-HH:MM)、または true" })
  value: string;

  @Field(() => String, { description: "チップの表示 (火曜、午前、若葉小学校区、10:00〜10:59 …)" })
  label: string;

  @Field(() => String, { description: "読み取った元のことば (検索語から外すときに使う)" })
  word: string;
}

@ObjectType({ description: "強調表示の断片 (match = 検索語に一致した部分)" })
export class HighlightSegment {
  @Field(() => String)
  text: string;

  @Field(() => Boolean)
  match: boolean;
}

@ObjectType()
export class ResourceHighlight {
  @Field(() => [HighlightSegment])
  name: HighlightSegment[];

  @Field(() => [HighlightSegment], { description: "説明の抜粋" })
  description: HighlightSegment[];
}

@ObjectType()
export class ResourceSearchEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Resource)
  node: Resource;

  @Field(() => ResourceHighlight)
  highlight: ResourceHighlight;

  @Field(() => Int, { nullable: true, description: "near を指定したときの距離 (m)" })
  distanceMeters: number | null;

  @Field(() => Session, { nullable: true, description: "次回の開催" })
  nextSession: Session | null;
}

@ObjectType()
export class FacetCount {
  @Field(() => String, { description: "列挙値、地域ID、または true/false" })
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "絞り込みごとの件数 (その絞り込み自体の選択は件数に影響しない)" })
export class SearchFacets {
  @Field(() => [FacetCount]) kinds: FacetCount[];
  @Field(() => [FacetCount]) targetGroups: FacetCount[];
  @Field(() => [FacetCount]) areas: FacetCount[];
  @Field(() => [FacetCount]) weekdays: FacetCount[];
  @Field(() => [FacetCount]) timeBands: FacetCount[];
  @Field(() => [FacetCount]) free: FacetCount[];
  @Field(() => [FacetCount]) accessibility: FacetCount[];
  @Field(() => [FacetCount]) transport: FacetCount[];
  @Field(() => [FacetCount]) rolesOffered: FacetCount[];
  @Field(() => [FacetCount]) visitAllowed: FacetCount[];
  @Field(() => [FacetCount]) trialAllowed: FacetCount[];
}

@ObjectType()
export class ResourceSearchResult {
  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => [ResourceSearchEdge])
  edges: ResourceSearchEdge[];

  @Field(() => SearchFacets)
  facets: SearchFacets;

  @Field(() => Boolean, { description: "true: 検索エンジンに届かず PostgreSQL で答えた (精度が下がる)" })
  degraded: boolean;

  @Field(() => [UnderstoodFilter], { description: "検索語から読み取った絞り込み (残りのことばで本文を検索)" })
  understood: UnderstoodFilter[];
}

@ObjectType({ description: "検索インデックスの同期状態 (管理者向け)" })
export class SearchStatus {
  @Field(() => Int, { description: "未反映の変更の数" })
  pending: number;

  @Field(() => Int, { nullable: true })
  oldestPendingSeconds: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Boolean)
  degraded: boolean;
}
