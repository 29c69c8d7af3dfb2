// Every queue the worker consumes, started and stopped together.

export type Processors = { running: () => number; close: () => Promise<void> };

export async function startProcessors(): Promise<Processors> {
  const all: { running: () => number; close: () => Promise<void> }[] = [];
  return {
    running: () => all.reduce((n, p) => n + p.running(), 0),
    close: async () => {
      await Promise.all(all.map((p) => p.close()));
    },
  };
}
