// tao's command line: deploy images to a host over SSH with the portal's engine, without the portal.
//   tao deploy -h HOST -u USER -p PASSWORD [--port N] [--cli docker|podman|"sudo docker"]
//              [-i KEYFILE] [--registry-user U --registry-password P] [--wait SECONDS] -c IMAGE:TAG …
// Prints the timestamped log; exit code 0 on success, 1 on failure, 2 on bad arguments, 130 if interrupted.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { planFromCliArgs } from "@/lib/deploy/cli-plan";
import { knownHostsFile, lookupKnownHost, rememberKnownHost } from "@/lib/deploy/known-hosts";
import { createMasker } from "@/lib/deploy/mask-secrets";
import { planSecrets } from "@/lib/deploy/plan";
import { runDeployment } from "@/lib/deploy/run-deployment";
import { isoTimestamp } from "@/lib/deploy/timestamp";

const USAGE = `usage: tao deploy -h HOST -u USER (-p PASSWORD | -i KEYFILE) [--port N] [--cli docker|podman|"sudo docker"]
                  [--registry-user USER --registry-password PASSWORD] [--wait SECONDS] -c IMAGE:TAG [-c IMAGE:TAG …]
  -p -  reads the SSH password from stdin; TAO_SSH_PASSWORD and TAO_REGISTRY_PASSWORD are read when the flags are absent`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "deploy") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      host: { type: "string", short: "h" },
      user: { type: "string", short: "u" },
      password: { type: "string", short: "p" },
      identity: { type: "string", short: "i" },
      port: { type: "string" },
      cli: { type: "string" },
      component: { type: "string", short: "c", multiple: true },
      "registry-user": { type: "string" },
      "registry-password": { type: "string" },
      wait: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let password = values.password ?? process.env.TAO_SSH_PASSWORD;
  if (password === "-") password = fs.readFileSync(0, "utf8").split("\n")[0];
  const file = knownHostsFile();
  const port = Number(values.port ?? 22);
  const plan = planFromCliArgs({
    host: values.host ?? "",
    user: values.user ?? "",
    password,
    privateKey: values.identity ? fs.readFileSync(values.identity, "utf8") : undefined,
    port,
    cli: (values.cli ?? "docker") as "docker",
    components: values.component ?? [],
    registryUser: values["registry-user"],
    registryPassword: values["registry-password"] ?? process.env.TAO_REGISTRY_PASSWORD,
    waitSeconds: values.wait ?? 0,
    expectedFingerprint: lookupKnownHost(file, values.host ?? "", port),
  });

  const mask = createMasker(planSecrets(plan));
  const abort = new AbortController();
  process.on("SIGINT", () => abort.abort());
  process.on("SIGTERM", () => abort.abort());
  const result = await runDeployment(plan, {
    signal: abort.signal,
    log: (e) => {
      const tag = e.component ? `[${e.component}] ` : "";
      const line = `${isoTimestamp()} ${tag}${mask(e.line)}`;
      if (e.stream === "error" || e.stream === "stderr") console.error(line);
      else console.log(line);
    },
    onHostKey: async (host, fingerprint) => rememberKnownHost(file, host.address, host.port, fingerprint),
  });
  if (result.status === "success") {
    console.log(
      `${isoTimestamp()} deployed ${plan.hosts[0]!.components.length} component(s) to ${values.host}`,
    );
    return 0;
  }
  console.error(`${isoTimestamp()} ${result.status}: ${mask(result.error ?? "interrupted")}`);
  return result.status === "canceled" ? 130 : 1;
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(`tao: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  });
