import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { User } from "../auth/user.entity.js";
import { Resource } from "./resource.entity.js";

/**
 * 「確認を依頼」: staff ask a listing's host to confirm it. Open until the listing is verified (by the host or by staff),
 * which records when and by whom it was answered; at most one open request per listing (a partial unique index).
 */
@ObjectType({ description: "掲載内容の確認の依頼" })
@Entity()
@Index("verification_request_open", ["resourceId"], { unique: true, where: `"resolved_at" IS NULL` })
export class VerificationRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column("uuid")
  resourceId: string;

  @ManyToOne(() => Resource, { onDelete: "CASCADE" })
  @JoinColumn()
  resource?: Resource;

  @Field(() => Date, { description: "依頼した日時" })
  @Column({ type: "timestamptz", precision: 3, default: () => "now()" })
  requestedAt: Date;

  @Column("uuid")
  requestedById: string;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn()
  requestedBy?: User;

  @Field(() => String, { nullable: true, description: "受け入れ先へのひとこと" })
  @Column("text", { nullable: true })
  message: string | null;

  @Field(() => Date, { nullable: true, description: "確認された日時 (未確認なら空)" })
  @Column("timestamptz", { nullable: true })
  resolvedAt: Date | null;

  @Column("uuid", { nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn()
  resolvedBy?: User | null;
}
