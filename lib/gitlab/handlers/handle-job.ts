import { type TJobEvent, ZJobEvent } from "../payloads";
import { parseGitlabTime } from "../timestamps";
import type { THandler } from "./context";
import { recordEnvironmentEvent } from "./record-environment";

/** Older GitLab sends no `project` on job events: the path comes from the repository's homepage. */
function projectPathOf(job: TJobEvent): string {
  if (job.project?.path_with_namespace) return job.project.path_with_namespace;
  const home = job.repository?.homepage;
  if (home) {
    try {
      return new URL(home).pathname.replace(/^\/+|\/+$/g, "");
    } catch {
      // not a URL: fall through
    }
  }
  return (job.project_name ?? "").replace(/\s*\/\s*/g, "/");
}

/** Job Hook (object_kind "build"): a job that names an environment is recorded. */
export const handleJob: THandler = async (payload, ctx) => {
  const job = ZJobEvent.parse(payload);
  if (!job.environment?.name)
    return `job ${job.build_name} (#${job.build_id}) has no environment: nothing recorded`;
  await recordEnvironmentEvent({
    kind: "job",
    externalId: job.build_id,
    projectPath: projectPathOf(job),
    environment: job.environment.name,
    action: job.environment.action,
    status: job.build_status,
    ref: job.ref,
    commitSha: job.sha,
    name: job.build_name,
    at:
      parseGitlabTime(job.build_finished_at) ??
      parseGitlabTime(job.build_started_at) ??
      parseGitlabTime(job.build_created_at) ??
      ctx.receivedAt,
    eventId: ctx.eventId,
  });
  return `job ${job.build_name} (#${job.build_id}) ${job.build_status} for environment ${job.environment.name}`;
};
