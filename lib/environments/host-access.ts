import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { decryptSecret } from "@/lib/secrets/cipher";
import { HOST_SECRET_CONTEXT } from "./hosts";

type HostRow = {
  address: string;
  port: number;
  username: string;
  authMethod: string;
  secretEnc: string;
  hostKeyFingerprint: string | null;
};

/** How to log into a host: its credentials decrypted now, at the moment of use. */
export function sshCredentials(h: HostRow) {
  const secret = h.secretEnc ? decryptSecret(h.secretEnc, HOST_SECRET_CONTEXT) : undefined;
  return {
    address: h.address,
    port: h.port,
    username: h.username,
    password: h.authMethod === "password" ? secret : undefined,
    privateKey: h.authMethod === "key" ? secret : undefined,
    expectedFingerprint: h.hostKeyFingerprint,
  };
}

/** A host row with its secret column, for the few places that connect. */
export async function hostWithSecret(id: string) {
  const host = await db.host.findUnique({ where: { id }, omit: { secretEnc: false } });
  if (!host) throw new NotFoundError("Host");
  return host;
}

/** First contact pins the key; a concurrent pin of another key loses, and the next connect detects it. */
export async function pinHostKey(hostId: string, fingerprint: string) {
  await db.host.updateMany({
    where: { id: hostId, hostKeyFingerprint: null },
    data: { hostKeyFingerprint: fingerprint },
  });
}
