import { z } from "zod";

// The few fields of `docker/podman inspect` tao reads; both CLIs answer a JSON array.
const ZInspect = z.array(
  z
    .object({
      State: z.object({
        Running: z.boolean(),
        Status: z.string().optional(),
        ExitCode: z.number().optional(),
      }),
      RestartCount: z.number().optional(),
      Config: z.object({ Image: z.string().optional() }).optional(),
      ImageName: z.string().optional(),
    })
    .loose(),
);

export type ContainerState = {
  running: boolean;
  status: string;
  exitCode: number;
  restarts: number;
  image: string;
};

export function parseInspect(stdout: string): ContainerState | undefined {
  try {
    const first = ZInspect.parse(JSON.parse(stdout))[0];
    if (!first) return undefined;
    return {
      running: first.State.Running,
      status: first.State.Status ?? (first.State.Running ? "running" : "exited"),
      exitCode: first.State.ExitCode ?? 0,
      restarts: first.RestartCount ?? 0,
      image: first.ImageName ?? first.Config?.Image ?? "",
    };
  } catch {
    return undefined;
  }
}
