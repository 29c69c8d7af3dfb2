// `npm start`: apply migrations, then run the web server and the worker side by side.
// Configured by environment variables only; it never creates users, hosts or registries.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";

function run(name: string, cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: "inherit", env: process.env });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[tao] ${name} exited (${signal ?? code}); stopping`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];
function stop(code: number) {
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  // the worker gives running jobs 25 s; after 30 s nothing is left behind
  setTimeout(() => {
    for (const c of children) c.kill("SIGKILL");
    process.exit(code);
  }, 30_000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on("exit", r)))),
  ).then(() => process.exit(code));
}

const migrate = spawnSync("npx", ["tsx", "scripts/migrate.ts"], { stdio: "inherit", env: process.env });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// The binaries themselves, not npx: npx does not pass signals on. Children stay in this process
// group, so whoever kills the group (a supervisor, Playwright) takes them down too.
const bin = (name: string) => path.resolve(__dirname, "..", "node_modules", ".bin", name);
children.push(run("web", bin("next"), ["start", "-p", process.env.PORT ?? "3000"]));
children.push(run("worker", bin("tsx"), ["workers/main.ts"]));
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
