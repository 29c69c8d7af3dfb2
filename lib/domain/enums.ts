import { z } from "zod";

// The closed sets of values stored as strings in the database: one list each, used by zod at
// every boundary and by the UI for selects.

export const ROLES = ["viewer", "deployer", "admin"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Deploy order: shared middleware first, apps last. */
export const LAYERS = ["shared-middleware", "env-middleware", "app"] as const;
export const ZLayer = z.enum(LAYERS);
export type TLayer = z.infer<typeof ZLayer>;

export const CONTAINER_CLIS = ["docker", "sudo docker", "podman"] as const;
export const ZContainerCli = z.enum(CONTAINER_CLIS);
export type TContainerCli = z.infer<typeof ZContainerCli>;

export const HOST_AUTH_METHODS = ["password", "key"] as const;
export const ZHostAuthMethod = z.enum(HOST_AUTH_METHODS);

export const TASK_TYPES = ["release", "feature", "components"] as const;
export const ZTaskType = z.enum(TASK_TYPES);
export type TTaskType = z.infer<typeof ZTaskType>;

export const TASK_STATUSES = ["waiting", "running", "success", "failed", "canceled"] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;
export const FINAL_TASK_STATUSES: readonly TTaskStatus[] = ["success", "failed", "canceled"];

export const RELEASE_STATUSES = ["draft", "released", "archived"] as const;
export const ZReleaseStatus = z.enum(RELEASE_STATUSES);

export const FEATURE_STATUSES = ["new", "open", "closed"] as const;
export const ZFeatureStatus = z.enum(FEATURE_STATUSES);

export const TOKEN_SCOPES = ["read", "deploy", "report-build", "admin"] as const;
export const ZTokenScope = z.enum(TOKEN_SCOPES);
export type TTokenScope = z.infer<typeof ZTokenScope>;
