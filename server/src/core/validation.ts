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
  const malformed = malformedStrings(
    argValue,
    argumentName(argType, resolverData?.info) || scalarArgumentName(argValue, resolverData?.args),
  );
  if (malformed.length) throw new DomainError("BAD_USER_INPUT", "入力内容を確認してください", malformed);
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
function argumentName(
  argType: unknown,
  info: { parentType: GraphQLObjectType; fieldName: string } | undefined,
): string {
  if (!info || typeof argType !== "function") return "";
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((a) => getNamedType(a.type).name === argType.name)?.name ?? "";
}

/**
 * Strings must be well-formed Unicode without U+0000: PostgreSQL text cannot hold NUL (the insert fails with "invalid
 * byte sequence"), a lone surrogate makes validator.js's isEmail throw (URIError), and no one types either. Such a
 * string is refused here, for every argument and every depth, with the field's path.
 */
const LONE_SURROGATE = /\p{Cs}/u;

function malformedStrings(value: unknown, path: string, out: FieldError[] = []): FieldError[] {
  if (typeof value === "string") {
    if (value.includes("\u0000") || LONE_SURROGATE.test(value))
      out.push({ field: path, messages: ["使用できない文字 (NUL や不完全な文字) が含まれています"] });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => malformedStrings(v, path ? `${path}.${i}` : String(i), out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) malformedStrings(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** The name of a scalar argument (`id` of `deleteArea(id:)`), found by its value among the field's arguments. */
function scalarArgumentName(value: unknown, args: Record<string, unknown> | undefined): string {
  return Object.entries(args ?? {}).find(([, v]) => v === value)?.[0] ?? "";
}
