import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { clearContainers, inspectOnHost, tb } from "./helpers";

// `tao deploy` end to end: the CLI process against a testbed host, like the original's first script.

const run = promisify(execFile);
const knownHosts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tao-cli-")), "known_hosts");
const host = tb.hosts[0]!;

async function tao(args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/cli/tao.ts", ...args], {
      env: {
        ...process.env,
        TAO_KNOWN_HOSTS: knownHosts,
        TAO_SSH_PASSWORD: host.password,
        TAO_REGISTRY_PASSWORD: tb.registry.password,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const base = [
  "deploy",
  "-h",
  host.address,
  "--port",
  String(host.port),
  "-u",
  host.username,
  "--cli",
  "podman",
  "--registry-user",
  tb.registry.username,
];

describe("tao deploy (CLI)", () => {
  it("deploys two images, printing the timestamped log, and exits 0", async () => {
    await clearContainers(0, ["component-a", "component-b"]);
    const res = await tao([
      ...base,
      "--wait",
      "1",
      "-c",
      `${tb.registry.host}/demo/component-a:v1.0.0`,
      "-c",
      `${tb.registry.host}/demo/component-b:v1.1.0`,
    ]);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split("\n");
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d /.test(l))).toBe(true);
    expect(res.stdout).toContain(`start to deploy ${tb.registry.host}/demo/component-a:v1.0.0`);
    expect(res.stdout).toMatch(
      /podman run --restart on-failure:10 -d --network host -m 3g --log-opt max-size=256m --name component-b /,
    );
    expect(`${res.stdout}${res.stderr}`).not.toContain(host.password);
    expect(`${res.stdout}${res.stderr}`).not.toContain(tb.registry.password);
    expect((await inspectOnHost(0, "component-b"))?.image).toBe(
      `${tb.registry.host}/demo/component-b:v1.1.0`,
    );
    expect(fs.readFileSync(knownHosts, "utf8")).toContain(host.hostKeyFingerprint);
  });

  it("exits 1 when a container is unhealthy, and keeps the previous one running", async () => {
    const res = await tao([...base, "--wait", "3", "-c", `${tb.registry.host}/demo/component-b:broken`]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/failed: component-b on .* is unhealthy/);
    const state = await inspectOnHost(0, "component-b");
    expect(state?.running).toBe(true);
    expect(state?.image).toBe(`${tb.registry.host}/demo/component-b:v1.1.0`);
  });

  it("exits 2 with a clear message on bad arguments", async () => {
    expect(
      (await tao(["deploy", "-h", host.address, "-u", host.username, "-c", "not an image"])).stderr,
    ).toMatch(/expected IMAGE:TAG/);
    expect((await tao(["deploy", "-h", "host;id", "-u", "x", "-c", "a/b:c"])).code).toBe(2);
    expect((await tao(["frobnicate"])).code).toBe(2);
  });
});
