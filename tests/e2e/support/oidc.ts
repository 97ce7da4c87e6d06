import type { ProviderAccount } from "../../../server/src/test/oidc-provider";

/** The test identity provider's account of 中村 裕子 (coordinator2@example.jp in the demo city, README). */
export const E2E_OIDC_ACCOUNT: ProviderAccount = {
  login: "nakamura.yuko",
  password: "city-idp-password-2026",
  subject: "city-staff-0002",
  email: "coordinator2@example.jp",
  emailVerified: true,
};

/** Someone the identity provider knows and tsunagu does not: refused, never given an account. */
export const E2E_OIDC_STRANGER: ProviderAccount = {
  login: "stranger",
  password: "city-idp-password-2026",
  subject: "city-staff-9999",
  email: "stranger@city.example.jp",
  emailVerified: true,
};
