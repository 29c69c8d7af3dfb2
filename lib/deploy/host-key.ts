import { createHash } from "node:crypto";

/** OpenSSH's fingerprint of a raw public key blob: "SHA256:" + unpadded base64 of its SHA-256. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash("sha256").update(keyBlob).digest("base64").replace(/=+$/, "")}`;
}

export class HostKeyMismatchError extends Error {
  constructor(
    readonly target: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `Host key of ${target} does not match the pinned key (expected ${expected}, got ${actual}). ` +
        "The host may have been reinstalled, or someone is intercepting the connection; " +
        "an admin can forget the old key in Settings → Environments & hosts once the new one is verified.",
    );
  }
}
