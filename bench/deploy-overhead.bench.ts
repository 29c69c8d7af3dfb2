// Benchmark 1 (issue 3): one component to one host through the engine vs the original's plain script
// (ssh + login/pull/stop/rm/run), alternating in the same run. Images are already on the host
// (each run switches between two cached tags), so the figures are the deploy's own overhead.
import { component, engineDeploy, fmt, median, plannedHost, registry, scriptDeploy, tb } from "./lib";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const host = tb.hosts[tb.hosts.length - 1]!;
const tags = ["v1.0.0", "v1.1.0"];

async function main() {
  const engine: number[] = [];
  const script: number[] = [];
  // warm-up: both tags pulled once, a container in place
  for (const tag of tags) await scriptDeploy(host, [component("demo/component-d", tag)]);
  for (let i = 0; i < ROUNDS; i++) {
    const tag = tags[i % 2]!;
    script.push(await scriptDeploy(host, [component("demo/component-d", tag)]));
    engine.push(
      await engineDeploy({
        registry: registry(),
        hosts: [plannedHost(host, [component("demo/component-d", tags[(i + 1) % 2]!)])],
      }),
    );
  }
  const ratio = median(engine) / median(script);
  console.log(`deploy-overhead: 1 component, 1 host (${host.name}), ${ROUNDS} rounds each`);
  console.log(
    `  script (ssh + login/pull/stop/rm/run)  median ${fmt(median(script))}  [${script.map(fmt).join(", ")}]`,
  );
  console.log(
    `  engine (pre-flight, park, run, clean)  median ${fmt(median(engine))}  [${engine.map(fmt).join(", ")}]`,
  );
  console.log(`  ratio engine/script = ${ratio.toFixed(2)} (target ≤ 1.2)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
