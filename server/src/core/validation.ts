import { validate } from "class-validator";
import { getNamedType, type GraphQLObjectType } from "graphql";
import type { ValidatorFn } from "type-graphql";
import { DomainError, fieldErrorsFromValidation, type FieldError } from "./errors.js";

/**
 * type-graphql's built-in validation skips missing properties and loses the argument name. Ours validates
 * every property (optional ones say so with @IsOptional / @Omittable) and reports paths relative to the arguments,
 * e.g. `input.schedule.rules.0.endTime`, so the UI can put each message next to its field.
 */
export const validateArgument: ValidatorFn = async (argValue, argType, resolverData) => {
  if (argValue === null || typeof argValue !== "object") return;
  const prefix = argumentName(argType, resolverData?.info);
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const fields: FieldError[] = [];
  for (const [i, value] of values.entries()) {
    if (value === null || typeof value !== "object") continue;
    const errors = await validate(value, { forbidUnknownValues: false, skipMissingProperties: false });
    const path = [prefix, Array.isArray(argValue) ? String(i) : ""].filter(Boolean).join(".");
    fields.push(...fieldErrorsFromValidation(errors, path));
  }
  if (fields.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", fields);
};

/** `input` for `@Arg("input", () => XInput)`; empty for an @ArgsType class, whose fields are the arguments. */
function argumentName(argType: unknown, info: { parentType: GraphQLObjectType; fieldName: string } | undefined): string {
  if (!info || typeof argType !== "function") return "";
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((a) => getNamedType(a.type).name === argType.name)?.name ?? "";
}
