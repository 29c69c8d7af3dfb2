import { describe, expect, it } from "vitest";
import { parseImageRef, registryHostOf, ZRepository } from "./image-ref";
import { ZComponentName, ZHostAddress, ZImageTag } from "./names";
import { mergeRunOptions, ZRunOptions, ZRunOptionsOverride } from "./run-options";

describe("image references (OCI grammar)", () => {
  it.each([
    ["127.0.0.1:5005/demo/component-a:v1.1.0", "127.0.0.1:5005/demo/component-a", "v1.1.0"],
    ["harbor.local/demo/c1:v1", "harbor.local/demo/c1", "v1"],
    ["busybox", "busybox", undefined],
    ["a/b__c/d-e.f:tag_1.2-3", "a/b__c/d-e.f", "tag_1.2-3"],
  ])("parses %s", (text, repository, tag) => {
    expect(parseImageRef(text)).toMatchObject({ repository, tag });
  });

  it.each([
    "registry.local/Upper:v1",
    "repo:v1;rm -rf /",
    "repo:$(id)",
    "repo:`id`",
    "repo:v1 --privileged",
    "-repo:v1",
    "repo:-v1",
    "repo:v1\nid",
    "repo//x:v1",
    `repo:${"x".repeat(129)}`,
  ])("rejects %j", (text) => {
    expect(parseImageRef(text)).toBeUndefined();
  });

  it("finds the registry host of a repository", () => {
    expect(registryHostOf("127.0.0.1:5005/demo/a")).toBe("127.0.0.1:5005");
    expect(registryHostOf("harbor.local/demo/a")).toBe("harbor.local");
    expect(registryHostOf("library/busybox")).toBeUndefined();
    expect(ZRepository.safeParse("127.0.0.1:5005/demo/a:v1").success).toBe(false);
  });
});

describe("names", () => {
  it("container names follow docker's rule", () => {
    expect(ZComponentName.safeParse("self-monitor").success).toBe(true);
    expect(ZComponentName.safeParse("-x").success).toBe(false);
    expect(ZComponentName.safeParse("a b").success).toBe(false);
    expect(ZComponentName.safeParse("a;b").success).toBe(false);
  });
  it("tags and host addresses", () => {
    expect(ZImageTag.safeParse("feature_base_demo-1a2b3c4").success).toBe(true);
    expect(ZImageTag.safeParse(".hidden").success).toBe(false);
    expect(ZHostAddress.safeParse("10.0.1.1").success).toBe(true);
    expect(ZHostAddress.safeParse("hz-10-0-1-1.test.local").success).toBe(true);
    expect(ZHostAddress.safeParse("host;id").success).toBe(false);
    expect(ZHostAddress.safeParse("-oProxyCommand=id").success).toBe(false);
  });
});

describe("run options", () => {
  it("defaults to the original's docker run options", () => {
    expect(ZRunOptions.parse({})).toEqual({
      env: {},
      volumes: [],
      ports: [],
      memory: "3g",
      network: "host",
      restart: "on-failure:10",
      logOptions: { "max-size": "256m" },
      extraArgs: [],
      command: [],
    });
  });

  it("validates every field with a message that says what is expected", () => {
    const bad = ZRunOptions.safeParse({
      env: { "BAD KEY": "x" },
      volumes: ["../etc:/x"],
      ports: ["80:80;id"],
      memory: "3 gigs",
      restart: "sometimes",
      extraArgs: ["image:tag"],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["env.BAD KEY", "volumes.0", "ports.0", "memory", "restart", "extraArgs.0"]),
    );
    expect(
      ZRunOptions.safeParse({ volumes: ["/srv/x:/www:ro"], ports: ["127.0.0.1:8080:80/tcp"] }).success,
    ).toBe(true);
  });

  it("overlays an environment's override: maps merge, the rest replaces", () => {
    const base = ZRunOptions.parse({ env: { A: "1", B: "2" }, volumes: ["/a:/a"] });
    const merged = mergeRunOptions(
      base,
      ZRunOptionsOverride.parse({ env: { B: "3" }, memory: "1g", volumes: ["/b:/b"] }),
    );
    expect(merged.env).toEqual({ A: "1", B: "3" });
    expect(merged.memory).toBe("1g");
    expect(merged.volumes).toEqual(["/b:/b"]);
    expect(merged.logOptions).toEqual({ "max-size": "256m" });
    expect(ZRunOptionsOverride.safeParse({ unknown: 1 }).success).toBe(false);
  });
});
