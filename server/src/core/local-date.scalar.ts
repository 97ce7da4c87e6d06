import { isCalendarDate } from "@tsunagu/calendar";
import { GraphQLScalarType, Kind } from "graphql";
import { DomainError } from "./errors.js";
import { DATE_MESSAGE } from "./validators.js";

/**
 * A calendar day in Japan, written YYYY-MM-DD (no time, no zone): what a person means by 「同意を得た日」 or 「開催日」.
 *
 * Input: anything but a string is refused here (BAD_USER_INPUT, in Japanese: formatError finds the DomainError under
 * graphql-js's wrapping). Whether the string names a real day (not 2026-02-30) is checked by @IsCalendarDate on the
 * input field, so that the refusal names the field (`input.consent.givenOn`), uses the field's own sentence and comes
 * with the input's other errors; local-date.scalar.test.ts fails for a LocalDate input field without that check.
 * Output: a value the server produced that is no day is a bug, not bad input: INTERNAL_SERVER_ERROR.
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: "LocalDate",
  description: "日付 (YYYY-MM-DD, 日本時間の暦日)",
  serialize(value) {
    if (!isCalendarDate(value)) throw new TypeError(`LocalDate cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue(value) {
    if (typeof value !== "string") throw new DomainError("BAD_USER_INPUT", DATE_MESSAGE);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new DomainError("BAD_USER_INPUT", DATE_MESSAGE);
    return ast.value;
  },
});
