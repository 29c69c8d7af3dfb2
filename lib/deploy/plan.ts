import type { TContainerCli, TLayer } from "@/lib/domain/enums";
import { LAYERS } from "@/lib/domain/enums";
import type { THealthCheck } from "@/lib/domain/health-check";
import type { TRunOptions } from "@/lib/domain/run-options";

// What the engine deploys, with every value resolved: no database, no Redis. The portal's worker
// builds it from a task (lib/tasks/build-plan.ts); the CLI builds it from its arguments.

export type PlannedComponent = {
  componentId?: string;
  name: string; // container name
  image: string; // repository:tag
  tag: string;
  layer: TLayer;
  sortOrder: number;
  runOptions: TRunOptions;
  healthCheck: THealthCheck;
};

export type PlannedHost = {
  hostId?: string;
  name: string;
  address: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  expectedFingerprint: string | null;
  containerCli: TContainerCli;
  components: PlannedComponent[];
};

export type DeployPlan = {
  registry?: { host: string; username: string; password: string };
  hosts: PlannedHost[];
};

/** Shared middleware first, then environment middleware, then apps; within a layer by sort order. */
export function byLayer(a: PlannedComponent, b: PlannedComponent): number {
  return (
    LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) ||
    a.sortOrder - b.sortOrder ||
    a.name.localeCompare(b.name)
  );
}

/** Every secret in a plan, for the log masker. */
export function planSecrets(plan: DeployPlan): string[] {
  return [plan.registry?.password, ...plan.hosts.flatMap((h) => [h.password, h.privateKey])].filter(
    (s): s is string => !!s,
  );
}
