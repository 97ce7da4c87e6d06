import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { User } from "../auth/user.entity.js";
import { LocalDate } from "../core/local-date.scalar.js";
import { Organization } from "../organizations/organization.entity.js";
import { Person } from "../people/person.entity.js";
import { MeetingKind } from "./meeting.enums.js";

/**
 * 会議の記録: a 支援会議, 重層的支援会議 or other meeting held — who attended (organizations, staff), which persons
 * were discussed (by reference only: the record never copies anything about them) and what was decided. A 支援会議
 * names its group (`supportMeetingGroupId`): when it discussed persons, only that group's members and administrators
 * read its title, decisions and attendance; everyone else sees that it was held and how many persons it discussed.
 * Title and decisions are resolved by MeetingRecordResolver, which applies that rule.
 */
@ObjectType({ description: "会議の記録 (支援会議・重層的支援会議など)" })
@Entity()
@Index(["heldOn", "id"])
export class MeetingRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => LocalDate, { description: "開催日" })
  @Column("date")
  heldOn: string;

  @Field(() => MeetingKind)
  @Column("text")
  kind: MeetingKind;

  @Column("text")
  title: string;

  @Column("text", { default: "" })
  decisions: string;

  @Index()
  @Column("uuid", { nullable: true })
  supportMeetingGroupId: string | null;

  @ManyToMany(() => Organization)
  @JoinTable({
    name: "meeting_record_organization",
    joinColumn: { name: "meeting_record_id" },
    inverseJoinColumn: { name: "organization_id" },
  })
  organizations?: Organization[];

  @ManyToMany(() => User)
  @JoinTable({
    name: "meeting_record_user",
    joinColumn: { name: "meeting_record_id" },
    inverseJoinColumn: { name: "user_id" },
  })
  attendees?: User[];

  @ManyToMany(() => Person)
  @JoinTable({
    name: "meeting_record_person",
    joinColumn: { name: "meeting_record_id" },
    inverseJoinColumn: { name: "person_id" },
  })
  persons?: Person[];

  @Column("uuid")
  recordedById: string;

  /** How many persons it discussed, and whether this request's viewer reads it in full: set by MeetingService. */
  personCount?: number;
  readable?: boolean;

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
