import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// The description scripts/testbed/up.sh writes of the local registry and SSH hosts. Used by the demo
// seed, the tests and the benchmarks; the product itself never needs a testbed.

const ZTestbed = z.object({
  registry: z.object({ host: z.string(), username: z.string(), password: z.string() }),
  hosts: z.array(
    z.object({
      name: z.string(),
      address: z.string(),
      port: z.number(),
      username: z.string(),
      password: z.string(),
      privateKeyPath: z.string(),
      containerCli: z.literal("podman"),
      hostKeyFingerprint: z.string(),
    }),
  ),
  images: z.record(
    z.string(),
    z.object({ component: z.string(), port: z.number(), tags: z.array(z.string()) }),
  ),
});
export type Testbed = z.infer<typeof ZTestbed>;
export type TestbedHost = Testbed["hosts"][number];

export function testbedJsonPath(): string {
  return (
    process.env.TAO_TESTBED_JSON ??
    path.resolve(process.env.TAO_TESTBED_DIR ?? ".data/testbed", "testbed.json")
  );
}

export function readTestbed(file = testbedJsonPath()): Testbed {
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: start the testbed first (npm run testbed:up)`);
  return ZTestbed.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}
