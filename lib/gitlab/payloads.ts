import { z } from "zod";

// The parts of GitLab's webhook bodies tao reads. Objects are loose: GitLab adds fields often, and
// the raw body is kept on the event anyway.

export const ZERO_SHA = "0000000000000000000000000000000000000000";

const ZProject = z.looseObject({
  id: z.number().optional(),
  path_with_namespace: z.string().min(1),
  web_url: z.string().optional(),
});

const ZCommit = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  message: z.string().optional(),
  timestamp: z.string().optional(),
});

/** Push Hook and Tag Push Hook (and their System Hook twins). */
export const ZPushEvent = z.looseObject({
  object_kind: z.enum(["push", "tag_push"]),
  before: z.string(),
  after: z.string(),
  ref: z.string().min(1),
  checkout_sha: z.string().nullable().optional(),
  user_username: z.string().optional(),
  project: ZProject,
  commits: z.array(ZCommit).default([]),
  total_commits_count: z.number().optional(),
});
export type TPushEvent = z.infer<typeof ZPushEvent>;

export const MR_ACTIONS = [
  "open",
  "close",
  "reopen",
  "update",
  "approval",
  "approved",
  "unapproval",
  "unapproved",
  "merge",
] as const;

export const ZMergeRequestEvent = z.looseObject({
  object_kind: z.literal("merge_request"),
  project: ZProject,
  object_attributes: z.looseObject({
    iid: z.number().int(),
    title: z.string(),
    url: z.string().optional(),
    source_branch: z.string().min(1),
    target_branch: z.string().min(1),
    state: z.string(),
    action: z.string().optional(),
    last_commit: z.looseObject({ id: z.string() }).nullable().optional(),
    merge_commit_sha: z.string().nullable().optional(),
  }),
  changes: z
    .looseObject({
      title: z.looseObject({ previous: z.string().nullable(), current: z.string().nullable() }).optional(),
    })
    .optional(),
});
export type TMergeRequestEvent = z.infer<typeof ZMergeRequestEvent>;

const ZEnvironment = z.looseObject({ name: z.string(), action: z.string().optional() });

export const ZPipelineEvent = z.looseObject({
  object_kind: z.literal("pipeline"),
  project: ZProject,
  object_attributes: z.looseObject({
    id: z.number().int(),
    ref: z.string().min(1),
    tag: z.boolean(),
    sha: z.string(),
    status: z.string(),
    finished_at: z.string().nullable().optional(),
  }),
  builds: z
    .array(
      z.looseObject({
        id: z.number().int(),
        name: z.string(),
        stage: z.string().optional(),
        status: z.string(),
        finished_at: z.string().nullable().optional(),
        created_at: z.string().nullable().optional(),
        environment: ZEnvironment.nullable().optional(),
      }),
    )
    .default([]),
});
export type TPipelineEvent = z.infer<typeof ZPipelineEvent>;

/** Job Hook: object_kind "build". Newer GitLab sends `project`; older only project_name/repository. */
export const ZJobEvent = z.looseObject({
  object_kind: z.literal("build"),
  ref: z.string(),
  tag: z.boolean().optional(),
  sha: z.string().optional(),
  build_id: z.number().int(),
  build_name: z.string(),
  build_stage: z.string().optional(),
  build_status: z.string(),
  build_created_at: z.string().nullable().optional(),
  build_started_at: z.string().nullable().optional(),
  build_finished_at: z.string().nullable().optional(),
  project_id: z.number().optional(),
  project_name: z.string().optional(),
  project: ZProject.optional(),
  repository: z.looseObject({ homepage: z.string().optional() }).optional(),
  environment: ZEnvironment.nullable().optional(),
});
export type TJobEvent = z.infer<typeof ZJobEvent>;

export const ZDeploymentEvent = z.looseObject({
  object_kind: z.literal("deployment"),
  status: z.string(),
  status_changed_at: z.string().optional(),
  deployment_id: z.number().int(),
  environment: z.string().min(1),
  project: ZProject,
  ref: z.string().default(""),
  sha: z.string().default(""),
  deployable_id: z.number().nullable().optional(),
});
export type TDeploymentEvent = z.infer<typeof ZDeploymentEvent>;

/** The few fields read before handling, to route, list and filter events. A field of the wrong type is left out. */
const str = z.string().optional().catch(undefined);
export const ZEventHead = z.looseObject({
  object_kind: str,
  event_name: str,
  event_type: str,
  ref: str,
  path_with_namespace: str,
  project: z.looseObject({ path_with_namespace: str }).nullable().optional().catch(undefined),
  object_attributes: z.looseObject({ ref: str, source_branch: str }).optional().catch(undefined),
});
export type TEventHead = z.infer<typeof ZEventHead>;
