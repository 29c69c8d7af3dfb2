import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { engineOptions } from "@/lib/deploy/engine-options";
import { remoteCommand } from "@/lib/deploy/remote-command";
import { SshConnection } from "@/lib/deploy/ssh-connection";
import { ZContainerCli } from "@/lib/domain/enums";
import { pinHostKey, sshCredentials } from "@/lib/environments/host-access";
import { NotFoundError } from "@/lib/errors";
import { driftOf, tagOfImage } from "./drift";

type HostReport = { hostId: string; host: string; ok: boolean; error?: string; containers: number };

/**
 * Reads what actually runs on every host of an environment (`ps`) and records it next to what tao
 * deployed: containers named after a component are matched; a component tao deployed whose
 * container is gone is marked missing. Returns per-host results and the number of drifted items.
 */
export async function refreshInventory(actor: AuditActor, environmentId: string) {
  const env = await db.environment.findUnique({
    where: { id: environmentId },
    select: { id: true, name: true },
  });
  if (!env) throw new NotFoundError("Environment");
  const hosts = await db.host.findMany({ where: { environmentId }, omit: { secretEnc: false } });
  const components = await db.component.findMany({ select: { id: true, name: true } });
  const byName = new Map(components.map((c) => [c.name, c.id]));
  const now = new Date();

  const reports: HostReport[] = await Promise.all(
    hosts.map(async (host): Promise<HostReport> => {
      let conn: SshConnection | undefined;
      try {
        conn = await SshConnection.open(sshCredentials(host), engineOptions().sshTimeoutMs);
        if (!host.hostKeyFingerprint) await pinHostKey(host.id, conn.fingerprint);
        const ps = await conn.exec(remoteCommand(ZContainerCli.parse(host.containerCli), { op: "ps" }), {
          timeoutMs: 30_000,
        });
        if (ps.code !== 0) throw new Error(ps.stderr.trim().split("\n").pop() ?? `ps exited ${ps.code}`);
        const seen = new Set<string>();
        for (const row of ps.stdout.split("\n").filter(Boolean)) {
          const [name, image, state] = row.split("\t");
          const componentId = name ? byName.get(name) : undefined;
          if (!componentId || !image) continue;
          seen.add(componentId);
          await db.inventoryItem.upsert({
            where: { hostId_componentId: { hostId: host.id, componentId } },
            create: {
              environmentId,
              hostId: host.id,
              componentId,
              tag: tagOfImage(image),
              deployedAt: now,
              observedImage: image,
              observedState: state ?? "",
              observedAt: now,
            },
            update: { observedImage: image, observedState: state ?? "", observedAt: now },
          });
        }
        await db.inventoryItem.updateMany({
          where: { hostId: host.id, componentId: { notIn: [...seen] } },
          data: { observedImage: null, observedState: "missing", observedAt: now },
        });
        return { hostId: host.id, host: host.name, ok: true, containers: seen.size };
      } catch (err) {
        return { hostId: host.id, host: host.name, ok: false, error: (err as Error).message, containers: 0 };
      } finally {
        conn?.close();
      }
    }),
  );
  const items = await db.inventoryItem.findMany({ where: { environmentId } });
  const drifted = items.filter((i) => driftOf(i) !== "in-sync").length;
  await writeAudit(actor, {
    action: "environment.refresh-inventory",
    targetType: "environment",
    targetId: environmentId,
    detail: { drifted },
  });
  return { hosts: reports, drifted };
}
