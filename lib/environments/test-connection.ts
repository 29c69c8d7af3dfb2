import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { engineOptions } from "@/lib/deploy/engine-options";
import { HostKeyMismatchError } from "@/lib/deploy/host-key";
import { remoteCommand } from "@/lib/deploy/remote-command";
import { SshConnection, SshError } from "@/lib/deploy/ssh-connection";
import { ZContainerCli } from "@/lib/domain/enums";
import { hostWithSecret, pinHostKey, sshCredentials } from "./host-access";

export type ConnectionReport = {
  ok: boolean;
  fingerprint?: string;
  pinned?: boolean; // true when this test was the first contact and recorded the key
  cliVersion?: string;
  error?: string;
};

/** Logs into a host and asks its container CLI for its version; the first contact pins the host key. */
export async function testHostConnection(actor: AuditActor, hostId: string): Promise<ConnectionReport> {
  const host = await hostWithSecret(hostId);
  const cli = ZContainerCli.parse(host.containerCli);
  let conn: SshConnection | undefined;
  try {
    conn = await SshConnection.open(sshCredentials(host), engineOptions().sshTimeoutMs);
    const pinned = !host.hostKeyFingerprint;
    if (pinned) await pinHostKey(host.id, conn.fingerprint);
    const version = await conn.exec(remoteCommand(cli, { op: "version" }), { timeoutMs: 20_000 });
    const report: ConnectionReport =
      version.code === 0
        ? { ok: true, fingerprint: conn.fingerprint, pinned, cliVersion: version.stdout.trim() }
        : {
            ok: false,
            fingerprint: conn.fingerprint,
            pinned,
            error: `"${cli}" does not answer: ${version.stderr.trim().split("\n").pop() ?? `exit code ${version.code}`}`,
          };
    await writeAudit(actor, {
      action: "host.test-connection",
      targetType: "host",
      targetId: hostId,
      detail: { ok: report.ok },
    });
    return report;
  } catch (err) {
    if (err instanceof SshError || err instanceof HostKeyMismatchError)
      return { ok: false, error: err.message };
    throw err;
  } finally {
    conn?.close();
  }
}
