import { ArgsType, Field, Int } from "type-graphql";
import { IsInt, IsOptional, Max, Min } from "class-validator";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { fiscalYearRange, isCalendarDate } from "@tsunagu/calendar";
import { badInput } from "./errors.js";
import { PageArgs, decodeCursor, toConnection, type Connection } from "./pagination.js";

/** Records of what happened on a day (相談受付, 会議, 協力依頼 …), one 年度 (April–March) at a time, newest first. */
@ArgsType()
export class FiscalYearPageArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: "年度 (2026 = 2026年4月〜2027年3月)。省略時はすべての年度" })
  @IsOptional()
  @IsInt({ message: "年度は整数で指定してください" })
  @Min(2000, { message: "年度は2000〜2100で指定してください" })
  @Max(2100, { message: "年度は2000〜2100で指定してください" })
  fiscalYear?: number | null;
}

/**
 * One page of dated rows, newest day first (ties by id), keyset-paged: `dateColumn` is the entity property holding
 * the day (`receivedOn`), `alias` the query builder's alias. The cursor's day is checked as a calendar day before it
 * reaches SQL (a forged cursor is bad input, not a cast error).
 */
export async function datedPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  dateColumn: keyof T & string,
  args: FiscalYearPageArgs,
): Promise<Connection<T>> {
  const column = `${alias}.${dateColumn}`;
  if (args.fiscalYear != null) {
    const { start, end } = fiscalYearRange(args.fiscalYear);
    qb.andWhere(`${column} BETWEEN :fyStart AND :fyEnd`, { fyStart: start, fyEnd: end });
  }
  const totalCount = await qb.clone().getCount();
  if (args.after) {
    const [day, id] = decodeCursor(args.after, ["text", "uuid"]);
    if (!isCalendarDate(day)) throw badInput("after", "ページ位置 (cursor) が正しくありません");
    qb.andWhere(`(${column} < :cursorDay OR (${column} = :cursorDay AND ${alias}.id < :cursorId))`, {
      cursorDay: day,
      cursorId: id,
    });
  }
  const rows = await qb
    .orderBy(column, "DESC")
    .addOrderBy(`${alias}.id`, "DESC")
    .take(args.first + 1)
    .getMany();
  return toConnection(rows, args.first, totalCount, (r) => [r[dateColumn], r.id]);
}
