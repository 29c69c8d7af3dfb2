import { db } from "@/lib/db";

export type TEnvironmentRecord = {
  kind: "job" | "deployment";
  externalId: number;
  projectPath: string;
  environment: string;
  action?: string;
  status: string;
  ref?: string;
  commitSha?: string;
  name?: string;
  at: Date;
  eventId: number;
};

/** One row per GitLab job or deployment; later events of the same one update it. */
export async function recordEnvironmentEvent(r: TEnvironmentRecord): Promise<void> {
  const data = {
    environment: r.environment.slice(0, 255),
    action: r.action ?? "",
    status: r.status,
    ref: r.ref ?? "",
    commitSha: r.commitSha ?? "",
    name: (r.name ?? "").slice(0, 255),
    at: r.at,
    eventId: r.eventId,
  };
  await db.gitlabDeployment.upsert({
    where: {
      kind_projectPath_externalId: { kind: r.kind, projectPath: r.projectPath, externalId: r.externalId },
    },
    create: { kind: r.kind, projectPath: r.projectPath, externalId: r.externalId, ...data },
    update: data,
  });
}
