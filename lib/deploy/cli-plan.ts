import { z } from "zod";
import { ZContainerCli } from "@/lib/domain/enums";
import { parseImageRef, registryHostOf } from "@/lib/domain/image-ref";
import { CONTAINER_NAME_RE, ZHostAddress, ZSshUser } from "@/lib/domain/names";
import { DEFAULT_RUN_OPTIONS } from "@/lib/domain/run-options";
import type { DeployPlan } from "./plan";

// `tao deploy` arguments → a deploy plan for the engine, like the original's first script.

export const ZCliDeployArgs = z.object({
  host: ZHostAddress,
  user: ZSshUser,
  password: z.string().optional(),
  privateKey: z.string().optional(),
  port: z.coerce.number().int().min(1).max(65535).default(22),
  cli: ZContainerCli.default("docker"),
  components: z.array(z.string()).min(1, "give at least one -c IMAGE:TAG"),
  registryUser: z.string().optional(),
  registryPassword: z.string().optional(),
  waitSeconds: z.coerce.number().int().min(0).max(600).default(0),
  expectedFingerprint: z.string().nullable().default(null),
});
export type TCliDeployArgs = z.input<typeof ZCliDeployArgs>;

export function planFromCliArgs(input: TCliDeployArgs): DeployPlan {
  const a = ZCliDeployArgs.parse(input);
  if (!a.password && !a.privateKey) throw new Error("give a password (-p) or a private key (-i)");
  const registries = new Set<string | undefined>();
  const components = a.components.map((text, i) => {
    const ref = parseImageRef(text);
    if (!ref?.tag)
      throw new Error(`-c ${JSON.stringify(text)}: expected IMAGE:TAG, e.g. harbor.local/demo/c1:v1`);
    // The container is named after the last path segment of the repository, as in the original.
    const name = ref.repository.split("/").pop()!;
    if (!CONTAINER_NAME_RE.test(name)) throw new Error(`-c ${text}: cannot name a container "${name}"`);
    registries.add(registryHostOf(ref.repository));
    return {
      name,
      image: `${ref.repository}:${ref.tag}`,
      tag: ref.tag,
      layer: "app" as const,
      sortOrder: i,
      runOptions: DEFAULT_RUN_OPTIONS,
      healthCheck:
        a.waitSeconds > 0 ? { kind: "running" as const, seconds: a.waitSeconds } : { kind: "none" as const },
    };
  });
  const registryHost = [...registries][0];
  if (a.registryUser && (registries.size !== 1 || !registryHost)) {
    throw new Error("--registry-user needs every image to come from the same registry host");
  }
  return {
    registry:
      a.registryUser && registryHost
        ? { host: registryHost, username: a.registryUser, password: a.registryPassword ?? "" }
        : undefined,
    hosts: [
      {
        name: a.host,
        address: a.host,
        port: a.port,
        username: a.user,
        password: a.password,
        privateKey: a.privateKey,
        expectedFingerprint: a.expectedFingerprint,
        containerCli: a.cli,
        components,
      },
    ],
  };
}
