// Benchmark 3 (issue 3): log latency through the whole pipeline — a container printing 1 000 lines/s
// during its health check (`podman logs --follow` over SSH → worker → Redis stream → web → SSE
// client): time from the line's timestamp (stamped by the worker) to the SSE client receiving it,
// p50/p99. Then a 100 000-line task must arrive complete and in order.
import { tb } from "./lib";
import { startStack } from "./stack";

const PORT = Number(process.env.BENCH_PORT ?? 3150);
const host = tb.hosts[tb.hosts.length - 1]!;

async function setup() {
  // lib/ is imported only now: the database it opens is the one startStack() prepared.
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { createUser } = await import("@/lib/users/users");
  const { createProduct } = await import("@/lib/catalog/products");
  const { createComponent } = await import("@/lib/catalog/components");
  const { createRegistry } = await import("@/lib/environments/registries");
  const { createEnvironment } = await import("@/lib/environments/environments");
  const { createHost } = await import("@/lib/environments/hosts");
  const actor = { system: "bench" };
  const user = await createUser(actor, { username: "bench", role: "admin", password: "bench-password" });
  const { token } = await createApiToken(user.id, { name: "bench", scopes: ["deploy"], expiresInDays: 1 });
  const product = await createProduct(actor, { name: "bench" });
  const registry = await createRegistry(actor, {
    name: "testbed",
    url: tb.registry.host,
    username: tb.registry.username,
    password: tb.registry.password,
  });
  const component = await createComponent(actor, {
    productId: product.id,
    name: "component-a",
    image: `${tb.registry.host}/demo/component-a`,
  });
  const envFor = async (name: string, lines: number, rate: number, seconds: number) => {
    const env = await createEnvironment(actor, {
      name,
      registryId: registry.id,
      overrides: { "component-a": { env: { LINE_COUNT: String(lines), LINES_PER_SEC: String(rate) } } },
    });
    await createHost(actor, {
      environmentId: env.id,
      name: host.name,
      address: host.address,
      port: host.port,
      username: host.username,
      secret: host.password,
      containerCli: "podman",
    });
    return { env, seconds };
  };
  const { db } = await import("@/lib/db");
  const withCheck = async (seconds: number) =>
    db.component.update({
      where: { id: component.id },
      data: { healthCheck: JSON.stringify({ kind: "running", seconds }) },
    });
  return { token, componentId: component.id, envFor, withCheck };
}

type Line = { seq: number; ts: string; line: string };

async function followTask(
  base: string,
  token: string,
  taskId: number,
  onLine: (l: Line, receivedAt: number) => void,
) {
  const res = await fetch(`${base}/api/v1/tasks/${taskId}/logs`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const now = Date.now();
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf("\n\n");
      if (block.includes("event: end")) return;
      if (!block.includes("event: line")) continue;
      const data = block.split("\n").find((l) => l.startsWith("data: "))!;
      onLine(JSON.parse(data.slice(6)) as Line, now);
    }
  }
}

async function deploy(
  base: string,
  token: string,
  environment: string,
  componentId: string,
): Promise<number> {
  const res = await fetch(`${base}/api/v1/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ type: "components", environment, components: [{ componentId, tag: "chatty" }] }),
  });
  if (!res.ok) throw new Error(`create task: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function main() {
  const stack = await startStack("log-latency", PORT);
  try {
    const s = await setup();
    // 1. 1 000 lines/s for 15 s: latency per line
    const a = await s.envFor("latency", 15_000, 1000, 0);
    await s.withCheck(18);
    const taskA = await deploy(stack.base, s.token, a.env.name, s.componentId);
    const latencies: number[] = [];
    await followTask(stack.base, s.token, taskA, (l, at) => {
      if (l.line.includes("chatty line")) latencies.push(at - Date.parse(l.ts));
    });
    console.log(
      `log-latency: container printing 1000 lines/s on ${host.name}, ${latencies.length} lines received over SSE`,
    );
    console.log(
      `  latency worker timestamp → SSE client: p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, max ${Math.max(...latencies)} ms (target p99 < 100 ms)`,
    );

    // 2. 100 000 lines as fast as the container prints them: complete and in order
    const b = await s.envFor("volume", 100_000, 20_000, 0);
    await s.withCheck(20);
    const started = Date.now();
    const taskB = await deploy(stack.base, s.token, b.env.name, s.componentId);
    let expected = 1;
    let outOfOrder = 0;
    let lastSeq = 0;
    let seqGaps = 0;
    await followTask(stack.base, s.token, taskB, (l) => {
      if (l.seq !== lastSeq + 1) seqGaps++;
      lastSeq = l.seq;
      const m = /chatty line (\d+) of/.exec(l.line);
      if (!m) return;
      if (Number(m[1]) !== expected) outOfOrder++;
      expected = Number(m[1]) + 1;
    });
    const received = expected - 1;
    console.log(
      `  100 000-line task: ${received} chatty lines received in ${((Date.now() - started) / 1000).toFixed(1)} s, out of order: ${outOfOrder}, sequence gaps: ${seqGaps} → ${received === 100_000 && outOfOrder === 0 && seqGaps === 0 ? "complete and in order" : "INCOMPLETE"}`,
    );
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
