// Benchmark 2 (issue 3): 8 components on each of 4 hosts through the engine (hosts in parallel, one
// SSH connection per host) vs the original's script run host after host, in the same run.
import { component, engineDeploy, fmt, median, plannedHost, registry, scriptDeploy, tb } from "./lib";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REPOS = [
  "demo/component-a",
  "demo/component-b",
  "demo/component-c",
  "demo/component-d",
  "monitor/ops",
  "monitor/sql",
  "monitor/api",
  "monitor/alarm",
];
const hosts = tb.hosts.slice(0, 4);
const tags = ["v1.0.0", "v1.2.0"];
const components = (tag: string) => REPOS.map((r, i) => component(r, tag, i));

async function main() {
  if (hosts.length < 4)
    throw new Error("the testbed needs 4 hosts (TAO_TESTBED_HOSTS=4 scripts/testbed/up.sh)");
  for (const tag of tags) for (const h of hosts) await scriptDeploy(h, components(tag)); // warm caches
  const engine: number[] = [];
  const script: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let total = 0;
    for (const h of hosts) total += await scriptDeploy(h, components(tags[i % 2]!));
    script.push(total);
    engine.push(
      await engineDeploy({
        registry: registry(),
        hosts: hosts.map((h) => plannedHost(h, components(tags[(i + 1) % 2]!))),
      }),
    );
  }
  console.log(
    `deploy-parallel: ${REPOS.length} components on each of ${hosts.length} hosts, ${ROUNDS} rounds each`,
  );
  console.log(`  script, host after host   median ${fmt(median(script))}  [${script.map(fmt).join(", ")}]`);
  console.log(`  engine, hosts in parallel median ${fmt(median(engine))}  [${engine.map(fmt).join(", ")}]`);
  console.log(`  speed-up script/engine = ${(median(script) / median(engine)).toFixed(2)}× (target ≥ 3×)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
