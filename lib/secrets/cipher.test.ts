import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptError } from "./cipher";
import { parseKey } from "./secret-key";

const key = randomBytes(32);

describe("secret cipher (AES-256-GCM)", () => {
  it("round-trips unicode and long secrets", () => {
    for (const plain of [
      "Demo123",
      "密码 ünïcödé 🔑",
      "x".repeat(10_000),
      "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n",
    ]) {
      expect(decryptSecret(encryptSecret(plain, "host.secret", key), "host.secret", key)).toBe(plain);
    }
  });

  it("uses a fresh IV: the same secret encrypts differently each time and never appears in clear", () => {
    const a = encryptSecret("Demo123", "host.secret", key);
    const b = encryptSecret("Demo123", "host.secret", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("Demo123");
    expect(Buffer.from(a.slice(3), "base64url").toString("latin1")).not.toContain("Demo123");
  });

  it("detects tampering with any byte", () => {
    const sealed = encryptSecret("Demo123", "host.secret", key);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    for (let i = 0; i < raw.length; i++) {
      const copy = Buffer.from(raw);
      copy[i] = copy[i]! ^ 0x01;
      expect(() => decryptSecret(`v1.${copy.toString("base64url")}`, "host.secret", key)).toThrow(
        SecretDecryptError,
      );
    }
  });

  it("refuses another key, another context, and garbage", () => {
    const sealed = encryptSecret("Demo123", "host.secret", key);
    expect(() => decryptSecret(sealed, "host.secret", randomBytes(32))).toThrow(SecretDecryptError);
    expect(() => decryptSecret(sealed, "registry.password", key)).toThrow(SecretDecryptError);
    expect(() => decryptSecret("Demo123", "host.secret", key)).toThrow(SecretDecryptError);
    expect(() => decryptSecret("v1.AAAA", "host.secret", key)).toThrow(SecretDecryptError);
  });

  it("accepts keys as 64 hex characters or base64 of 32 bytes, nothing else", () => {
    expect(parseKey("ab".repeat(32), "t")).toHaveLength(32);
    expect(parseKey(randomBytes(32).toString("base64"), "t")).toHaveLength(32);
    expect(() => parseKey("short", "TAO_SECRET_KEY")).toThrow(/TAO_SECRET_KEY must be 32 bytes/);
  });
});
