/**
 * The password policy (ASVS 2.1 / NIST SP 800-63B §3.1.1.2): length, not the account's own name, not a well-known
 * password. No composition rules (「大文字・記号を含む」): they make passwords harder to remember, not to guess.
 * Pure, so the UI's messages and the server's decision cannot disagree.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_MESSAGES = {
  tooShort: `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください`,
  tooLong: `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください`,
  oneCharacter: "同じ文字を繰り返しただけのパスワードは使えません",
  containsEmail: "メールアドレスの「@」より前の部分を含むパスワードは使えません",
  common: "よく使われていて推測されやすいパスワードです。別のものにしてください",
} as const;

/**
 * Well-known passwords of 12+ characters (shorter ones fail the length rule anyway), from the public breach top lists,
 * plus the words they are usually built on. A small list on purpose: the app runs offline, with no breach corpus.
 */
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456123456",
  "123123123123",
  "123412341234",
  "121212121212",
  "111222333444",
  "987654321098",
  "098765432109",
  "000000000000",
  "qwertyuiopas",
  "qwerty123456",
  "qwertyqwerty",
  "1qaz2wsx3edc",
  "1q2w3e4r5t6y",
  "q1w2e3r4t5y6",
  "zaq12wsxcde3",
  "password1234",
  "password123!",
  "passwordpassword",
  "p@ssw0rd1234",
  "iloveyou1234",
  "abc123456789",
  "abcd12345678",
  "aaaa1111bbbb",
  "welcome12345",
  "changeme1234",
  "administrator",
  "administrator1",
  "letmein12345",
  "trustno1trustno1",
  "football1234",
  "baseball1234",
  "princess1234",
  "sunshine1234",
  "superman1234",
  "starwars1234",
  "dragon123456",
  "monkey123456",
]);

/** A password that is one of these words plus only digits and symbols (Password2026!, tsunagu-1234…) is refused. */
const COMMON_WORDS = new Set([
  "password",
  "passwd",
  "passw",
  "pass",
  "pw",
  "qwerty",
  "qwertyuiop",
  "asdf",
  "asdfgh",
  "asdfghjkl",
  "zxcvbnm",
  "qazwsx",
  "admin",
  "administrator",
  "root",
  "user",
  "guest",
  "test",
  "login",
  "welcome",
  "letmein",
  "changeme",
  "iloveyou",
  "secret",
  "abc",
  "abcd",
  "abcdef",
  "tsunagu",
  "sanka",
  "sankashien",
  "fukushi",
  "shiyakusho",
  "yakusho",
]);

/** Runs a keyboard or the alphabet gives, either direction (abcdefghijkl, 123456789012, qwertyuiopas…). */
const SEQUENCES = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890123456789",
  "qwertyuiopasdfghjklzxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm",
];

const normalize = (s: string) => s.normalize("NFKC").toLowerCase();

/** The reasons `password` is refused (empty when it is acceptable), in Japanese, for the field's message list. */
export function passwordProblems(password: string, context: { email?: string | null } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_MESSAGES.tooShort);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_MESSAGES.tooLong);
  const p = normalize(password);
  if (p.length > 0 && /^(.)\1*$/su.test(p)) problems.push(PASSWORD_MESSAGES.oneCharacter);
  if (context.email && emailParts(context.email).some((part) => p.includes(part)))
    problems.push(PASSWORD_MESSAGES.containsEmail);
  if (isCommon(p)) problems.push(PASSWORD_MESSAGES.common);
  return problems;
}

/** The local part, and its name-like pieces of 4+ characters (`taro.yamada` → taro.yamada, taro, yamada). */
function emailParts(email: string): string[] {
  const local = normalize(email.trim()).split("@")[0] ?? "";
  if (local.length < 3) return [];
  return [local, ...local.split(/[._+-]+/).filter((piece) => piece.length >= 4)];
}

function isCommon(p: string): boolean {
  if (COMMON_PASSWORDS.has(p)) return true;
  const letters = p.replace(/[^\p{L}]/gu, "");
  if (COMMON_WORDS.has(letters)) return true;
  const compact = p.replace(/[\s_-]/g, "");
  return (
    compact.length >= 6 &&
    SEQUENCES.some((seq) => seq.includes(compact) || [...seq].reverse().join("").includes(compact))
  );
}
