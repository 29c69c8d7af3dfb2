import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan, deployAbility, type Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { dispatchEnvironment } from "./dispatch";
import { resolveComponents } from "./resolve-components";
import { type TCreateTaskRequest, ZCreateTaskRequest } from "./task-params";

export async function findEnvironment(ref: string) {
  const env = await db.environment.findFirst({ where: { OR: [{ id: ref }, { name: ref }] } });
  if (!env) throw new NotFoundError(`Environment "${ref}"`);
  return env;
}

/**
 * Creates a deployment task (waiting), writes the audit log and puts it on the queue when its
 * environment is free. Protected environments need the deploy-protected ability (admins).
 */
export async function createTask(principal: Principal, input: TCreateTaskRequest) {
  const req = ZCreateTaskRequest.parse(input);
  const environment = await findEnvironment(req.environment);
  assertCan(
    principal,
    deployAbility(environment),
    `Deploying to ${environment.name} needs ${environment.protected ? "an admin" : "the deployer role"}`,
  );
  const resolved = await resolveComponents(req);
  const task = await db.task.create({
    data: {
      type: req.type,
      environmentId: environment.id,
      productId: resolved.productId,
      releaseId: resolved.releaseId,
      featureBranchId: resolved.featureBranchId,
      params: JSON.stringify(resolved.params),
      creatorId: principal.userId,
      creatorName: principal.username,
    },
  });
  await writeAudit(principal, {
    action: "task.create",
    targetType: "task",
    targetId: task.id,
    detail: {
      type: req.type,
      environment: environment.name,
      components: resolved.params.components.map((c) => `${c.name}:${c.tag}`),
    },
  });
  await dispatchEnvironment(environment.id);
  return task;
}
