import { ZDeploymentEvent } from "../payloads";
import { parseGitlabTime } from "../timestamps";
import type { THandler } from "./context";
import { recordEnvironmentEvent } from "./record-environment";

/** Deployment Hook: GitLab's deployment to an environment is recorded with its status. */
export const handleDeployment: THandler = async (payload, ctx) => {
  const d = ZDeploymentEvent.parse(payload);
  await recordEnvironmentEvent({
    kind: "deployment",
    externalId: d.deployment_id,
    projectPath: d.project.path_with_namespace,
    environment: d.environment,
    status: d.status,
    ref: d.ref,
    commitSha: d.sha,
    at: parseGitlabTime(d.status_changed_at) ?? ctx.receivedAt,
    eventId: ctx.eventId,
  });
  return `deployment #${d.deployment_id} to ${d.environment} is ${d.status}`;
};
