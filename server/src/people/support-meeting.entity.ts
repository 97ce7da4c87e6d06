import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from "typeorm";
import { User } from "../auth/user.entity.js";

/**
 * 支援会議 (社会福祉法 第106条の6): members carry a legal 守秘義務 and may share a person's information before the
 * person consents. A person on the 支援会議 track is visible only to this group's members.
 */
@ObjectType({ description: "支援会議 (構成員は守秘義務を負う)" })
@Entity()
export class SupportMeetingGroup {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String)
  @Column("text")
  name: string;

  @ManyToMany(() => User)
  @JoinTable({
    name: "support_meeting_member",
    joinColumn: { name: "group_id" },
    inverseJoinColumn: { name: "user_id" },
  })
  members?: User[];

  @Field(() => Date, {
    nullable: true,
    description:
      "アーカイブした日時 (本人が参照しているため削除しない。新しい本人は登録できず、構成員は今の本人を見続ける)",
  })
  @Column("timestamptz", { nullable: true })
  archivedAt: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
