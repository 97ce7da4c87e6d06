import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { Area } from "../areas/area.entity.js";
import { Organization } from "../organizations/organization.entity.js";
import { Schedule } from "../schedules/schedule.types.js";
import { EMPTY_SCHEDULE, TimeBand, Weekday, type ScheduleValue } from "../schedules/schedule.value.js";
import { Eligibility } from "./eligibility.js";
import {
  Accessibility,
  ParticipationRole,
  ResourceKind,
  ResourceStatus,
  TargetGroup,
  TransportOption,
} from "./resource.enums.js";

@ObjectType({ description: "社会資源 (参加の場・支援メニュー)" })
@Entity()
@Index(["readingKey", "id"])
export class Resource {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @Field(() => String, { description: "よみがな (編集可能; 名前から自動で提案)" })
  @Column("text")
  nameKana: string;

  /** normalizeReading(nameKana): hiragana, width-folded; the directory's sort key and a search field. */
  @Column("text")
  readingKey: string;

  @Field(() => ResourceKind)
  @Column("text")
  kind: ResourceKind;

  @Field(() => String)
  @Column("text", { default: "" })
  description: string;

  @Index()
  @Column("uuid")
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn()
  organization?: Organization;

  @Field(() => [TargetGroup])
  @Column("text", { array: true, default: () => "'{}'" })
  targetGroups: TargetGroup[];

  @Field(() => Eligibility)
  @Column(() => Eligibility)
  eligibility: Eligibility;

  @Field(() => [ParticipationRole], { description: "参加の形" })
  @Column("text", { array: true, default: () => "'{}'" })
  rolesOffered: ParticipationRole[];

  @Field(() => [String], { description: "活動内容 (体操, 茶話会 …)" })
  @Column("text", { array: true, default: () => "'{}'" })
  activities: string[];

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  venueName: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true })
  @Column("double precision", { nullable: true })
  lat: number | null;

  @Field(() => Float, { nullable: true })
  @Column("double precision", { nullable: true })
  lng: number | null;

  @ManyToMany(() => Area)
  @JoinTable({ name: "resource_area", joinColumn: { name: "resource_id" }, inverseJoinColumn: { name: "area_id" } })
  areas?: Area[];

  @Field(() => Boolean, { description: "市全域が対象" })
  @Column("boolean", { default: false })
  citywide: boolean;

  @Field(() => Boolean, { description: "在宅で参加できる" })
  @Column("boolean", { default: false })
  homeBased: boolean;

  @Field(() => Boolean, { description: "訪問型" })
  @Column("boolean", { default: false })
  visiting: boolean;

  @Field(() => Schedule)
  @Column("jsonb", { default: () => `'${JSON.stringify(EMPTY_SCHEDULE)}'` })
  schedule: ScheduleValue;

  /**
   * Derived from `schedule` on every write (resource.derived.ts), so search filters and the PostgreSQL fallback
   * read columns instead of re-interpreting schedules per row.
   */
  @Column("text", { array: true, default: () => "'{}'" })
  weekdays: Weekday[];

  @Column("text", { array: true, default: () => "'{}'" })
  timeBands: TimeBand[];

  /** Start time of each rule, minutes after midnight (JST). */
  @Column("int", { array: true, default: () => "'{}'" })
  startMinutes: number[];

  /** The coming session as of the last write or the hourly refresh; drives the next-session sort. */
  @Index()
  @Column("timestamptz", { nullable: true })
  nextSessionAt: Date | null;

  @Field(() => Int, { nullable: true, description: "定員" })
  @Column("int", { nullable: true })
  capacity: number | null;

  @Field(() => Int, { nullable: true, description: "現在の空き" })
  @Column("int", { nullable: true })
  openings: number | null;

  @Field(() => Int, { description: "1回あたりの費用 (円)。0は無料" })
  @Column("int", { default: 0 })
  costPerSessionYen: number;

  @Field(() => [Accessibility])
  @Column("text", { array: true, default: () => "'{}'" })
  accessibility: Accessibility[];

  @Field(() => String, { nullable: true, description: "最寄りのバス停・駅" })
  @Column("text", { nullable: true })
  nearestStop: string | null;

  @Field(() => [TransportOption])
  @Column("text", { array: true, default: () => "'{}'" })
  transportOptions: TransportOption[];

  @Field(() => Boolean, { description: "見学可" })
  @Column("boolean", { default: false })
  visitAllowed: boolean;

  @Field(() => Boolean, { description: "体験可" })
  @Column("boolean", { default: false })
  trialAllowed: boolean;

  /**
   * 担当者名: a named person, so not public (ResourceResolver.contactName, resourcePolicy.seeContactName); the public
   * exports and HSDS never carry it. The phones and e-mail below are the listing's public contact.
   */
  @Column("text", { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: "公開される電話番号 (誰でも見られる)" })
  @Column("text", { nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: "2つ目の電話番号 (公開。誰でも見られる)" })
  @Column("text", { nullable: true })
  contactPhone2: string | null;

  @Field(() => String, { nullable: true, description: "公開されるメールアドレス (誰でも見られる)" })
  @Column("text", { nullable: true })
  contactEmail: string | null;

  @Field(() => ResourceStatus)
  @Column("text", { default: ResourceStatus.ACTIVE })
  status: ResourceStatus;

  @Field(() => Date, { nullable: true, description: "最後に人が掲載内容を確認した日時" })
  @Column("timestamptz", { nullable: true })
  verifiedAt: Date | null;

  @Column("uuid", { nullable: true })
  verifiedById: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  /** Optimistic concurrency: an update names the version it read. */
  @Field(() => Int)
  @VersionColumn({ default: 1 })
  version: number;
}
