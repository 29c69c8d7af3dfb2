import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RUN_OPTIONS, type TRunOptions } from "@/lib/domain/run-options";
import { displayCommand, type RemoteOp, remoteArgv, remoteCommand, withPidMarker } from "./remote-command";
import { shellQuote } from "./shell-quote";

// The proof that no value escapes its argument: every command line is run by a real /bin/sh whose
// PATH holds fake docker/podman/sudo programs printing their argv NUL-separated; what they receive
// must be exactly the argv tao meant. A canary file catches any command substitution.

let dir: string;
let canary: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tao-quote-"));
  canary = path.join(dir, "pwned");
  for (const prog of ["docker", "podman", "sudo"]) {
    fs.writeFileSync(path.join(dir, prog), `#!/bin/sh\nprintf '%s\\0' "\${0##*/}" "$@"\n`, { mode: 0o755 });
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function shellArgv(command: string): string[] {
  const out = execFileSync("/bin/sh", ["-c", command], {
    env: { ...process.env, PATH: dir },
    encoding: "utf8",
  });
  return out.split("\0").slice(0, -1);
}

function expectExact(cli: "docker" | "podman" | "sudo docker", op: RemoteOp) {
  expect(shellArgv(remoteCommand(cli, op))).toEqual(remoteArgv(cli, op));
  expect(fs.existsSync(canary)).toBe(false);
}

const HOSTILE = [
  "; touch CANARY",
  "$(touch CANARY)",
  "`touch CANARY`",
  "' ; touch CANARY ; '",
  '" ; touch CANARY ; "',
  "\\'$(touch CANARY)",
  "a && touch CANARY",
  "| touch CANARY",
  "> CANARY",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell expansion is the point
  "${IFS}touch${IFS}CANARY",
  "*",
  "~",
  "-rf /",
  "--privileged",
  "汉字 ünïcödé 🚀",
  "\u202e\u200b",
  "'",
  '"',
  "\\",
  "$HOME",
  "!!",
  "#comment",
];
const hostile = () => HOSTILE.map((s) => s.replaceAll("CANARY", canary));
const runOp = (options: Partial<TRunOptions>): RemoteOp => ({
  op: "run",
  name: "component-a",
  image: "127.0.0.1:5005/demo/component-a:v1.1.0",
  options: { ...DEFAULT_RUN_OPTIONS, ...options },
});

describe("shellQuote", () => {
  it("keeps plain words readable and quotes the rest", () => {
    expect(shellQuote("component-a")).toBe("component-a");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("-x")).toBe("-x");
    expect(() => shellQuote("a\0b")).toThrow(/NUL/);
  });
});

describe("remote commands", () => {
  it("builds the original's docker run line", () => {
    expect(remoteCommand("docker", runOp({ volumes: ["/srv/x:/www"] }))).toBe(
      "docker run --restart on-failure:10 -d --network host -m 3g --log-opt max-size=256m --name component-a -v /srv/x:/www 127.0.0.1:5005/demo/component-a:v1.1.0",
    );
    expect(remoteCommand("sudo docker", { op: "pull", image: "harbor.local/demo/c1:v1" })).toBe(
      "sudo -n docker pull harbor.local/demo/c1:v1",
    );
    expect(remoteCommand("podman", { op: "login", registry: "127.0.0.1:5005", username: "tao" })).toBe(
      "podman login --username tao --password-stdin 127.0.0.1:5005",
    );
  });

  it("passes hostile env values, log options and commands through as exactly one argument each", () => {
    for (const value of hostile()) {
      for (const cli of ["docker", "podman", "sudo docker"] as const) {
        expectExact(cli, runOp({ env: { VALUE: value }, logOptions: { tag: value }, command: [value, "x"] }));
      }
    }
  }, 30_000);

  it("masks secret-looking env values in the log line only", () => {
    const op = runOp({ env: { DB_PASSWORD: "hunter22", MODE: "prod" } });
    expect(displayCommand("docker", op)).toContain("DB_PASSWORD=******");
    expect(displayCommand("docker", op)).toContain("MODE=prod");
    expect(remoteCommand("docker", op)).toContain("DB_PASSWORD=hunter22");
  });

  it("rejects hostile names, images, registries, volumes, ports and flags instead of quoting them", () => {
    for (const bad of hostile()) {
      expect(() => remoteCommand("docker", { op: "pull", image: `repo:${bad}` })).toThrow();
      expect(() => remoteCommand("docker", { op: "pull", image: bad })).toThrow();
      expect(() => remoteCommand("docker", { op: "stop", name: bad })).toThrow();
      expect(() => remoteCommand("docker", { op: "login", registry: bad, username: "u" })).toThrow();
      expect(() => remoteCommand("docker", runOp({ ports: [bad] }))).toThrow();
      expect(() => remoteCommand("docker", runOp({ volumes: [`/x:${bad}`] }))).toThrow();
      expect(() => remoteCommand("docker", runOp({ env: { [bad]: "v" } }))).toThrow();
      // Extra arguments are flags an admin configured (--privileged is one); anything else is refused.
      if (!/^--?[a-z]+$/.test(bad))
        expect(() => remoteCommand("docker", runOp({ extraArgs: [bad] }))).toThrow();
    }
    expect(() => remoteCommand("docker", runOp({ extraArgs: ["image:tag"] }))).toThrow();
    expect(() => remoteCommand("docker", runOp({ env: { A: "line1\nrm -rf /" } }))).toThrow();
    expect(() => remoteCommand("docker", { op: "kill-pid", pid: 1, signal: "KILL" })).toThrow();
  });

  it("property: any string either is refused or arrives intact, for every field", () => {
    const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...hostile()));
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        const attempts: (() => RemoteOp)[] = [
          () => runOp({ env: { K: a }, command: [b], logOptions: { tag: c } }),
          () => runOp({ volumes: [a], ports: [b], extraArgs: [c] }),
          () => ({ op: "run", name: a, image: `${b}:${c}`, options: DEFAULT_RUN_OPTIONS }),
          () => ({ op: "login", registry: a, username: b }),
          () => ({ op: "rename", from: a, to: b }),
          () => ({ op: "disk-free", path: a }),
        ];
        for (const make of attempts) {
          const op = make();
          let command: string;
          try {
            command = remoteCommand("podman", op);
          } catch {
            continue; // refused: fine
          }
          expect(shellArgv(command)).toEqual(remoteArgv("podman", op));
        }
        expect(fs.existsSync(canary)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("the PID wrapper runs the command itself (exec) after reporting the shell's PID", () => {
    const out = execFileSync("/bin/sh", ["-c", withPidMarker(remoteCommand("docker", { op: "ps" }))], {
      env: { ...process.env, PATH: dir },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out.split("\0").slice(0, -1)).toEqual(remoteArgv("docker", { op: "ps" }));
  });
});
