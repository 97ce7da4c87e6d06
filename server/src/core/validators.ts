import { ValidateIf, type ValidationOptions } from "class-validator";

/**
 * For update inputs: `undefined` (field left out) skips validation, but an explicit `null` is still checked, so
 * `null` cannot clear a column that must have a value. (class-validator's @IsOptional lets null through.)
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_obj, value) => value !== undefined);

export const ja = (message: string): ValidationOptions => ({ message });
export const jaEach = (message: string): ValidationOptions => ({ message, each: true });

/** Japanese phone numbers as people type them: digits (either width), hyphens, parentheses, spaces, leading +. */
export const PHONE_PATTERN = /^[+＋]?[0-9０-９()（）\-－ ]{6,20}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Lookups by id treat a malformed id as "not found" instead of letting PostgreSQL reject the cast. */
export const isUuid = (id: string): boolean => UUID.test(id);
