import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { ADMINS, CASEWORKERS, HOSTS, REFERRAL_PARTIES, STAFF, UserRole, hasRole } from "./roles.js";

describe("the role sets", () => {
  it("name each role group once: caseworkers, staff, referral parties, administrators, hosts", () => {
    expect([...CASEWORKERS].sort()).toEqual([UserRole.ADMIN, UserRole.COORDINATOR]);
    expect([...STAFF].sort()).toEqual([UserRole.ADMIN, UserRole.COORDINATOR, UserRole.VIEWER]);
    expect([...REFERRAL_PARTIES].sort()).toEqual([UserRole.ADMIN, UserRole.COORDINATOR, UserRole.HOST]);
    expect(ADMINS).toEqual([UserRole.ADMIN]);
    expect(HOSTS).toEqual([UserRole.HOST]);
  });

  it("hasRole holds exactly for a viewer whose role is in the set, never for an anonymous caller", () => {
    for (const role of Object.values(UserRole)) {
      expect(hasRole({ role }, CASEWORKERS), role).toBe(role === UserRole.ADMIN || role === UserRole.COORDINATOR);
      expect(hasRole({ role }, ADMINS), role).toBe(role === UserRole.ADMIN);
    }
    expect(hasRole(null, STAFF)).toBe(false);
    expect(hasRole(undefined, STAFF)).toBe(false);
    expect(hasRole({ role: UserRole.ADMIN }, [])).toBe(false);
  });
});

describe("the roles in the schema", () => {
  it("are published as the enum UserRole, described in Japanese for the clients that read the schema", () => {
    const published = getMetadataStorage().enums.find((e) => e.enumObj === UserRole);
    expect(published?.name).toBe("UserRole");
    expect(published?.description).toBe("管理者 / コーディネーター / 受け入れ先 / 閲覧者");
  });
});
