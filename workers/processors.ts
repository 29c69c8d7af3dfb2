import { startDeployProcessor } from "./deploy-processor";
import { startGitlabProcessor } from "./gitlab-processor";
import { startTapdProcessor } from "./tapd-processor";

// Every queue the worker consumes, started and stopped together.
export type Processor = { running: () => number; close: () => Promise<void> };

export async function startProcessors(workerId: string): Promise<Processor> {
  const all: Processor[] = [
    await startDeployProcessor(workerId),
    await startGitlabProcessor(),
    await startTapdProcessor(),
  ];
  return {
    running: () => all.reduce((n, p) => n + p.running(), 0),
    close: async () => {
      await Promise.all(all.map((p) => p.close()));
    },
  };
}
