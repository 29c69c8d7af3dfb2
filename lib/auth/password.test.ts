import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, ZNewPassword } from "./password";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats malformed stored hashes as a mismatch", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });

  it("requires new passwords of 8 to 256 characters", () => {
    expect(ZNewPassword.safeParse("1234567").success).toBe(false);
    expect(ZNewPassword.safeParse("12345678").success).toBe(true);
    expect(ZNewPassword.safeParse("x".repeat(257)).success).toBe(false);
  });
});
