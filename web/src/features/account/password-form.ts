import type { ChangePasswordInput } from "../../gql/graphql";
import { adminMessages } from "../../messages";

const t = adminMessages.password;

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export const EMPTY_PASSWORD_FORM: PasswordForm = { currentPassword: "", newPassword: "", confirmation: "" };

/**
 * The form → `ChangePasswordInput`, or what to fix first, keyed like the server's fields (`confirmation` is the
 * client's own). The policy itself is the server's to apply: its messages come back beside 新しいパスワード.
 */
export function toChangePasswordInput(
  form: PasswordForm,
): { ok: true; input: ChangePasswordInput } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  if (!form.currentPassword) errors.currentPassword = [t.missingCurrent];
  if (!form.newPassword) errors.newPassword = [t.missingNext];
  else if (form.confirmation !== form.newPassword) errors.confirmation = [t.mismatch];
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { currentPassword: form.currentPassword, newPassword: form.newPassword } };
}
