import { ZPipelineEvent } from "../payloads";
import { parseGitlabTime } from "../timestamps";
import type { THandler } from "./context";
import { recordProjectBuilds } from "./record-builds";
import { recordEnvironmentEvent } from "./record-environment";

/** Pipeline Hook: a successful pipeline is a build (tag name or <branch>-<short sha>); jobs with an environment are recorded. */
export const handlePipeline: THandler = async (payload, ctx) => {
  const p = ZPipelineEvent.parse(payload);
  const a = p.object_attributes;
  const project = p.project.path_with_namespace;
  let environments = 0;
  for (const b of p.builds) {
    if (!b.environment?.name) continue;
    await recordEnvironmentEvent({
      kind: "job",
      externalId: b.id,
      projectPath: project,
      environment: b.environment.name,
      action: b.environment.action,
      status: b.status,
      ref: a.ref,
      commitSha: a.sha,
      name: b.name,
      at: parseGitlabTime(b.finished_at) ?? parseGitlabTime(b.created_at) ?? ctx.receivedAt,
      eventId: ctx.eventId,
    });
    environments++;
  }
  const envNote = environments ? `; ${environments} job(s) with an environment recorded` : "";
  if (a.status !== "success") return `pipeline #${a.id} on ${a.ref} is ${a.status}: no build${envNote}`;
  const summary = a.tag
    ? await recordProjectBuilds(
        project,
        ctx.templates.tagTagTemplate,
        { tag: a.ref, sha: a.sha, pipelineId: String(a.id) },
        a.ref,
      )
    : await recordProjectBuilds(
        project,
        ctx.templates.branchTagTemplate,
        { branch: a.ref, sha: a.sha, pipelineId: String(a.id) },
        a.ref,
      );
  return `pipeline #${a.id} on ${a.ref} succeeded: ${summary}${envNote}`;
};
