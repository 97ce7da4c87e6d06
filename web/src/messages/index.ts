/**
 * Every string the user sees, in one module (Japanese now; a translation later swaps these files). Components import
 * from here and never inline UI text. One file per area keeps parallel work from colliding; the area objects are
 * plain data plus small formatting functions.
 */
export * from "./format";
export * from "./labels";
export * from "./common";
export * from "./search";
export * from "./errors";
export * from "./auth";
export * from "./matching";
export * from "./followups";
export * from "./people";
export * from "./reports";
export * from "./host";
export * from "./gaps";
export * from "./people-form";
export * from "./admin";
export * from "./catalog-import";
export * from "./schedule";
export * from "./catalog";
export * from "./settings";
export * from "./support-meetings";
export * from "./evaluation";
export * from "./records";
export * from "./oidc";
export * from "./person-rights";
export * from "./account";
