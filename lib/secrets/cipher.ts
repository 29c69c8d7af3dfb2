import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { secretKey } from "./secret-key";

// Format: "v1." + base64url(iv(12) | tag(16) | ciphertext). The context string (e.g. "host") is
// authenticated as AAD so a ciphertext copied into another kind of column does not decrypt.
const VERSION = "v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptSecret(plain: string, context: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export class SecretDecryptError extends Error {
  constructor() {
    super("A stored secret could not be decrypted: it was tampered with or TAO_SECRET_KEY changed");
  }
}

export function decryptSecret(sealed: string, context: string, key: Buffer = secretKey()): string {
  if (!sealed.startsWith(VERSION)) throw new SecretDecryptError();
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretDecryptError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SecretDecryptError();
  }
}

/** Empty input means "no secret", stored as "". */
export function sealOptional(plain: string | undefined, context: string): string {
  return plain ? encryptSecret(plain, context) : "";
}
