import { db } from "@/lib/db";
import type { DeployPlan, PlannedComponent } from "@/lib/deploy/plan";
import { ZContainerCli } from "@/lib/domain/enums";
import { ZHealthCheck } from "@/lib/domain/health-check";
import { mergeRunOptions, ZRunOptions } from "@/lib/domain/run-options";
import { parseEnvironment } from "@/lib/environments/environments";
import { sshCredentials } from "@/lib/environments/host-access";
import { splitList } from "@/lib/environments/hosts";
import { REGISTRY_SECRET_CONTEXT } from "@/lib/environments/registries";
import { BadRequestError } from "@/lib/errors";
import { decryptSecret } from "@/lib/secrets/cipher";
import { parseTaskParams } from "./task-params";

/**
 * Turns a task into the engine's plan: the environment's hosts (each with the components assigned
 * to it), run options = component defaults overlaid with the environment's overrides, and the
 * secrets decrypted now, at the moment of use, inside the worker.
 */
export async function buildPlan(taskId: number): Promise<DeployPlan> {
  const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
  const params = parseTaskParams(task.params);
  const environment = parseEnvironment(
    await db.environment.findUniqueOrThrow({ where: { id: task.environmentId } }),
  );
  const hostRows = await db.host.findMany({
    where: { environmentId: environment.id },
    orderBy: { name: "asc" },
    omit: { secretEnc: false },
  });
  if (hostRows.length === 0) throw new BadRequestError(`Environment ${environment.name} has no hosts`);
  const registry = environment.registryId
    ? await db.registry.findUnique({ where: { id: environment.registryId }, omit: { passwordEnc: false } })
    : null;

  const rows = await db.component.findMany({
    where: { id: { in: params.components.map((c) => c.componentId) } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const components: PlannedComponent[] = params.components.map((c) => {
    const row = byId.get(c.componentId);
    if (!row) throw new BadRequestError(`Component ${c.name} no longer exists`);
    return {
      componentId: c.componentId,
      name: c.name,
      image: `${c.repository}:${c.tag}`,
      tag: c.tag,
      layer: c.layer,
      sortOrder: row.sortOrder,
      runOptions: mergeRunOptions(
        ZRunOptions.parse(JSON.parse(row.runOptions)),
        environment.overrides[c.name],
      ),
      healthCheck: ZHealthCheck.parse(JSON.parse(row.healthCheck)),
    };
  });

  const hosts = hostRows
    .map((h) => {
      const assigned = splitList(h.components);
      return {
        hostId: h.id,
        name: h.name,
        ...sshCredentials(h),
        containerCli: ZContainerCli.parse(h.containerCli),
        components: components.filter((c) => assigned.length === 0 || assigned.includes(c.name)),
      };
    })
    .filter((h) => h.components.length > 0);
  if (hosts.length === 0)
    throw new BadRequestError(`No host of ${environment.name} is assigned any of the task's components`);

  return {
    registry: registry?.username
      ? {
          host: registry.url,
          username: registry.username,
          password: registry.passwordEnc ? decryptSecret(registry.passwordEnc, REGISTRY_SECRET_CONTEXT) : "",
        }
      : undefined,
    hosts,
  };
}
