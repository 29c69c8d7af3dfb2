import type { TTaskStatus, TTaskType } from "@/lib/domain/enums";
import { parseTaskParams } from "@/lib/tasks/task-params";

/** A task as the dashboards show it in one line: what, where, by whom, how it ended. */
export type TaskBrief = {
  id: number;
  status: TTaskStatus;
  type: TTaskType;
  /** "私有化产品Demo v1.1.0", "feature_base_demo", or "component-a:broken, …" */
  summary: string;
  environmentId: string;
  environmentName: string;
  creatorName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const taskBriefInclude = {
  environment: { select: { id: true, name: true } },
  product: { select: { name: true } },
  release: { select: { version: true } },
  featureBranch: { select: { branch: true } },
} as const;

type TaskRow = {
  id: number;
  status: string;
  type: string;
  params: string;
  environmentId: string;
  creatorName: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  environment: { id: string; name: string };
  product: { name: string } | null;
  release: { version: string } | null;
  featureBranch: { branch: string } | null;
};

/** "component-a:v1, component-b:v2 +3" */
export function componentsSummary(components: { name: string; tag: string }[], max = 3): string {
  const shown = components.slice(0, max).map((c) => `${c.name}:${c.tag}`);
  const more = components.length - shown.length;
  return more > 0 ? `${shown.join(", ")} +${more}` : shown.join(", ");
}

export function taskSummary(t: Omit<TaskRow, "environment" | "environmentId" | "creatorName">): string {
  if (t.type === "feature" && t.featureBranch) return t.featureBranch.branch;
  if (t.type === "release" && t.release)
    return [t.product?.name, t.release.version].filter(Boolean).join(" ");
  try {
    return componentsSummary(parseTaskParams(t.params).components);
  } catch {
    return "";
  }
}

export function toTaskBrief(t: TaskRow): TaskBrief {
  return {
    id: t.id,
    status: t.status as TTaskStatus,
    type: t.type as TTaskType,
    summary: taskSummary(t),
    environmentId: t.environmentId,
    environmentName: t.environment.name,
    creatorName: t.creatorName,
    createdAt: t.createdAt.toISOString(),
    startedAt: t.startedAt?.toISOString() ?? null,
    finishedAt: t.finishedAt?.toISOString() ?? null,
  };
}
