import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { NeedsProfile } from "./needs-profile.js";
import {
  AgeBand,
  Certificate,
  ContactPreference,
  HouseholdCircumstance,
  HouseholdIssue,
  ParticipationLevel,
  PersonTrack,
} from "./person.enums.js";
import { LocalDate } from "../core/local-date.scalar.js";

/**
 * 本人. Only what the work needs: a display name or alias (not necessarily the legal name), a reading, a birth year
 * or an age band, an area and a rough home point (rounded to ~100 m) for distances. No address, no birth date.
 * Reading a person goes through PersonService, which applies the track and role rules; never expose it elsewhere.
 */
@ObjectType({ description: "本人 (支援対象者)" })
@Entity()
@Index(["readingKey", "id"])
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "表示名または仮名" })
  @Column("text")
  displayName: string;

  @Field(() => String, { description: "よみがな" })
  @Column("text")
  nameKana: string;

  @Column("text")
  readingKey: string;

  @Field(() => Int, { nullable: true, description: "生まれ年 (西暦)" })
  @Column("int", { nullable: true })
  birthYear: number | null;

  @Field(() => AgeBand, { nullable: true, description: "年齢層 (生まれ年がわかれば自動)" })
  @Column("text", { nullable: true })
  ageBand: AgeBand | null;

  @Index()
  @Column("uuid", { nullable: true })
  areaId: string | null;

  /** Rounded to 3 decimals (~100 m): enough for 「自宅から1.2km」, not enough to find the door. */
  @Field(() => Float, { nullable: true, description: "自宅付近の緯度 (約100m単位)" })
  @Column("double precision", { nullable: true })
  homeLat: number | null;

  @Field(() => Float, { nullable: true, description: "自宅付近の経度 (約100m単位)" })
  @Column("double precision", { nullable: true })
  homeLng: number | null;

  @Field(() => ContactPreference, { nullable: true })
  @Column("text", { nullable: true })
  contactPreference: ContactPreference | null;

  @Field(() => String, { description: "連絡先・連絡時の注意 (本人の同意なく受け入れ先には出ない)" })
  @Column("text", { default: "" })
  contactNote: string;

  @Field(() => String, { description: "世帯の状況 (任意)" })
  @Column("text", { default: "" })
  householdNote: string;

  @Field(() => [HouseholdIssue])
  @Column("text", { array: true, default: () => "'{}'" })
  householdIssues: HouseholdIssue[];

  @Field(() => [HouseholdCircumstance], {
    description: "世帯の事情 (同意で HOUSEHOLD_CIRCUMSTANCES を伝えてよいとした受け入れ先にだけ伝わる)",
  })
  @Column("text", { array: true, default: () => "'{}'" })
  householdCircumstances: HouseholdCircumstance[];

  /** Sensitive (要配慮個人情報): on the person only, never in a referral's view for a host. */
  @Field(() => [Certificate], { description: "持っている障害者手帳 (手帳等が必要な資源の提案に使う)" })
  @Column("text", { array: true, default: () => "'{}'" })
  certificates: Certificate[];

  @Field(() => NeedsProfile)
  @Column(() => NeedsProfile)
  needs: NeedsProfile;

  @Field(() => ParticipationLevel)
  @Column("text", { default: ParticipationLevel.NO_CONTACT })
  participationLevel: ParticipationLevel;

  @Field(() => PersonTrack)
  @Column("text", { default: PersonTrack.SUPPORT_MEETING })
  track: PersonTrack;

  /** Set while on the 支援会議 track: only this meeting's members may see the person. */
  @Index()
  @Column("uuid", { nullable: true })
  supportMeetingGroupId: string | null;

  @Index()
  @Column("uuid", { nullable: true })
  coordinatorId: string | null;

  @Field(() => LocalDate, { description: "相談受付日 (YYYY-MM-DD); 年度の新規相談者数はこの日で数える" })
  @Column("date")
  registeredOn: string;

  /** 利用停止 (person-rights/): kept for the record, but not shown to hosts, not suggested, no new referral. */
  @Field(() => LocalDate, { nullable: true, description: "利用停止日 (停止中でなければ空)" })
  @Column("date", { nullable: true })
  stoppedOn: string | null;

  @Field(() => String, { nullable: true, description: "利用停止の理由" })
  @Column("text", { nullable: true })
  stopReason: string | null;

  /** Set once the personal data was erased (person-rights/erasure.service.ts): only a de-identified skeleton is left. */
  @Field(() => Date, { nullable: true, description: "消去した日時 (消去済みなら本人の個人情報は残っていない)" })
  @Column("timestamptz", { nullable: true })
  erasedAt: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ default: 1 })
  version: number;
}
