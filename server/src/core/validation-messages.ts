import { getMetadataStorage, type ValidationError } from "class-validator";

/**
 * class-validator's built-in messages are English ("kinds must contain no more than 50 elements") and name the
 * property; they reach people through `extensions.fields`. A decorator given its own message (`ja("…")`) keeps it;
 * any built-in constraint left without one gets the Japanese sentence below, built from the decorator's own bounds.
 * Keys are class-validator's constraint names (the keys of `ValidationError.constraints`).
 */
const BUILT_IN: Record<string, (args: readonly unknown[]) => string> = {
  min: ([n]) => `${n}以上の値を入力してください`,
  max: ([n]) => `${n}以下の値を入力してください`,
  isPositive: () => "正の数を入力してください",
  isNegative: () => "負の数を入力してください",
  isInt: () => "整数で入力してください",
  isNumber: () => "数値で入力してください",
  isString: () => "文字で入力してください",
  isBoolean: () => "はい・いいえ (true / false) で指定してください",
  isDate: () => "日時の形式が正しくありません",
  isDateString: () => "日付の形式が正しくありません",
  isISO8601: () => "日付の形式が正しくありません",
  maxLength: ([n]) => `${n}文字以内で入力してください`,
  minLength: ([n]) => `${n}文字以上で入力してください`,
  // @Length(min, max?) takes numbers.
  isLength: ([min, max]) =>
    max === undefined ? `${min}文字以上で入力してください` : `${min}〜${max as number}文字で入力してください`,
  isNotEmpty: () => "入力してください",
  isDefined: () => "入力してください",
  arrayMaxSize: ([n]) => `${n}個以内で指定してください`,
  arrayMinSize: ([n]) => `${n}個以上指定してください`,
  arrayNotEmpty: () => "1つ以上指定してください",
  arrayUnique: () => "同じ値が重複しています",
  isUuid: () => "ID の形式が正しくありません",
  isEnum: () => "選択肢にない値です",
  isIn: () => "選択肢にない値です",
  isEmail: () => "メールアドレスの形式が正しくありません",
  isUrl: () => "URL の形式が正しくありません",
  matches: () => "入力の形式が正しくありません",
  isLatitude: () => "緯度は-90〜90の範囲で入力してください",
  isLongitude: () => "経度は-180〜180の範囲で入力してください",
  nestedValidation: () => "入力の形式が正しくありません",
};

/** Said when a message would otherwise reach the client with no Japanese in it (a constraint missing above). */
export const FALLBACK_MESSAGE = "入力内容が正しくありません";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
export const isJapanese = (message: string): boolean => JAPANESE.test(message);

/** The Japanese sentence for a built-in constraint, or null when class-validator has no such constraint here. */
export function builtInMessage(constraint: string, args: readonly unknown[] = [], each = false): string | null {
  const sentence = BUILT_IN[constraint]?.(args);
  if (!sentence) return null;
  return each ? `${sentence} (各項目)` : sentence;
}

interface DecoratorMetadata {
  name?: string;
  type: string;
  propertyName: string;
  constraints?: unknown[];
  message?: unknown;
  each?: boolean;
}

/** The decorator behind one constraint of one property, found in class-validator's metadata for the validated class. */
function decoratorOf(target: unknown, property: string, constraint: string): DecoratorMetadata | undefined {
  if (target === null || typeof target !== "object" || Array.isArray(target)) return undefined;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    "",
    true,
    false,
  ) as DecoratorMetadata[];
  return metadata.find((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
}

/** The messages of one property's failed constraints, each one Japanese. */
export function constraintMessages(error: ValidationError): string[] {
  return Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
    const decorator = decoratorOf(error.target, error.property, constraint);
    if (decorator?.message === undefined) {
      const own = builtInMessage(constraint, decorator?.constraints, decorator?.each);
      if (own) return own;
    }
    // Our own messages and our own constraints' defaults are Japanese; anything else never reaches a person as is.
    return isJapanese(message) ? message : FALLBACK_MESSAGE;
  });
}
