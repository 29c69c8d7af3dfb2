import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as scriptGet } from "@/app/api/v1/cci/script/route";
import { GET as historyGet } from "@/app/api/v1/cci/templates/[id]/history/route";
import { PUT as templatePut } from "@/app/api/v1/cci/templates/[id]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createComponent } from "@/lib/catalog/components";
import { upsertFeatureBranch } from "@/lib/catalog/feature-branches";
import { createProduct } from "@/lib/catalog/products";
import { createRelease } from "@/lib/catalog/releases";
import { createTemplate, deleteTemplate, listRevisions, updateTemplate } from "@/lib/cci/templates";
import { db } from "@/lib/db";
import { createEnvironment } from "@/lib/environments/environments";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { startCciServer } from "./cci-server";
import { makeUser, system, uid } from "./helpers";

// GET /api/v1/cci/script: templates chosen by precedence, scripts that pass `bash -n`, variables
// quoted and overridable, the history of changes; and the default script's functions run for real
// (curl against the route handlers): report a build, deploy the branch.

const id = uid();
const ns = `acme-${id}`;
let admin: Awaited<ReturnType<typeof makeUser>>;
let deployer: Awaited<ReturnType<typeof makeUser>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tao-cci-"));

async function fetchScript(query: Record<string, string>, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await scriptGet(
    new Request(`http://tao.test/api/v1/cci/script?${new URLSearchParams(query)}`, { headers }),
    { params: Promise.resolve({}) },
  );
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    template: res.headers.get("x-tao-template"),
    text: await res.text(),
  };
}

/** `bash -n` on the script: exit code and messages. */
function bashN(script: string) {
  const file = path.join(dir, `s-${uid()}.sh`);
  fs.writeFileSync(file, script);
  return spawnSync("bash", ["-n", file], { encoding: "utf8" });
}

const templateOf = async (namespace: string, project: string, branch: string) =>
  decodeURIComponent((await fetchScript({ namespace, project, branch }, admin.token)).template ?? "");

beforeAll(async () => {
  admin = await makeUser("admin");
  deployer = await makeUser("deployer");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("CI script", () => {
  it("without templates: the built-in default, a shell script bash accepts", async () => {
    const res = await fetchScript(
      { namespace: `none-${id}`, project: "svc", branch: "feature/x" },
      admin.token,
    );
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/x-shellscript; charset=utf-8");
    expect(decodeURIComponent(res.template ?? "")).toBe("built-in default");
    expect(bashN(res.text).status).toBe(0);
    for (const fn of ["tao_build", "tao_package", "tao_test", "tao_deploy", "tao_report_build"]) {
      expect(res.text).toContain(`${fn}() {`);
    }
    const out = execFileSync(
      "bash",
      [
        "-c",
        `source "$1"; type tao_build tao_package tao_test tao_deploy >/dev/null && echo "$TAO_URL $TAO_BRANCH"`,
        "x",
        writeScript(res.text),
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(out.trim()).toBe("http://tao.test feature/x");
  });

  it("needs a token that may read or report builds; bad queries are 400", async () => {
    expect((await fetchScript({ namespace: ns, project: "api", branch: "main" })).status).toBe(401);
    const user = await makeUser("deployer");
    const { token } = await createApiToken(user.userId, {
      name: "ci",
      scopes: ["report-build"],
      expiresInDays: 1,
    });
    expect((await fetchScript({ namespace: ns, project: "api", branch: "main" }, token)).status).toBe(200);
    const bad = await fetchScript({ namespace: ns, project: "api;rm -rf", branch: "main" }, admin.token);
    expect(bad.status).toBe(400);
    expect((await fetchScript({ namespace: ns, project: "api" }, admin.token)).status).toBe(400);
  });

  it("chooses the most specific matching template", async () => {
    const make = (name: string, namespacePattern: string, projectPattern: string, branchPattern: string) =>
      createTemplate(admin, {
        name: `${name}-${id}`,
        namespacePattern,
        projectPattern,
        branchPattern,
        body: `echo ${name}`,
      });
    await make("everything", "*", "*", "*");
    await make("namespace", ns, "*", "*");
    await make("project", ns, "api", "*");
    await make("release-branches", "*", "*", "release/*");
    await make("exact", ns, "api", "main");
    await make("api-features", ns, "api", "feature/*");
    await make("api-features-broad", ns, "api", "f*");

    expect(await templateOf(ns, "api", "main")).toBe(`exact-${id}`);
    expect(await templateOf(ns, "api", "feature/login")).toBe(`api-features-${id}`);
    expect(await templateOf(ns, "api", "develop")).toBe(`project-${id}`);
    expect(await templateOf(ns, "web", "main")).toBe(`namespace-${id}`);
    expect(await templateOf(`other-${id}`, "web", "release/1.2")).toBe(`release-branches-${id}`);
    expect(await templateOf(`other-${id}`, "web", "main")).toMatch(/^everything-/);

    const script = await fetchScript({ namespace: ns, project: "api", branch: "feature/login" }, admin.token);
    expect(script.text).toContain("echo api-features");
    expect(bashN(script.text).status).toBe(0);
    // "everything" would shadow the built-in default for the rest of the run
    for (const t of await db.ciTemplate.findMany({ where: { name: { endsWith: id } } }))
      await deleteTemplate(admin, t.id);
  });

  it("exports variables shell-quoted; a CI/CD variable of the same name wins", async () => {
    const tricky = `it's $HOME and \`id\` } "quoted"\nsecond line`;
    await createTemplate(admin, {
      name: `vars-${id}`,
      namespacePattern: `vars-${id}`,
      body: 'echo "$GREETING|$REGISTRY"',
      variables: { GREETING: tricky, REGISTRY: "harbor.local:5000" },
    });
    const { text } = await fetchScript(
      { namespace: `vars-${id}`, project: "p", branch: "main" },
      admin.token,
    );
    expect(bashN(text).status).toBe(0);
    const file = writeScript(text);
    const run = (env: Record<string, string> = {}) =>
      execFileSync(
        "bash",
        ["-c", `source "$1" >/dev/null; printf '%s|%s' "$GREETING" "$REGISTRY"`, "x", file],
        {
          encoding: "utf8",
          env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    expect(run()).toBe(`${tricky}|harbor.local:5000`);
    expect(run({ REGISTRY: "from-ci" })).toBe(`${tricky}|from-ci`);
  });

  it("rejects variables tao sets itself and bad patterns", async () => {
    await expect(
      createTemplate(admin, { name: `bad-${id}`, body: "", variables: { TAO_URL: "x" } }),
    ).rejects.toThrow(/tao sets this variable itself/);
    await expect(
      createTemplate(admin, { name: `bad2-${id}`, body: "", projectPattern: "a b" }),
    ).rejects.toThrow();
  });

  it("keeps every change with its author and diff, also after a delete; only admins change templates", async () => {
    const t = await createTemplate(admin, {
      name: `hist-${id}`,
      namespacePattern: `hist-${id}`,
      body: "echo one\necho two\n",
    });
    const other = await makeUser("admin");
    await updateTemplate(other, t.id, {
      name: `hist-${id}`,
      namespacePattern: `hist-${id}`,
      body: "echo one\necho 2\n",
    });
    const unchanged = await updateTemplate(other, t.id, {
      name: `hist-${id}`,
      namespacePattern: `hist-${id}`,
      body: "echo one\necho 2\n",
    });
    expect(unchanged.version).toBe(2);

    const put = await templatePut(
      new Request(`http://tao.test/api/v1/cci/templates/${t.id}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${deployer.token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "x", body: "" }),
      }),
      { params: Promise.resolve({ id: t.id }) },
    );
    expect(put.status).toBe(403);

    await deleteTemplate(admin, t.id);
    const revisions = await listRevisions(t.id);
    expect(revisions.map((r) => [r.version, r.action, r.authorName])).toEqual([
      [3, "delete", admin.username],
      [2, "update", other.username],
      [1, "create", admin.username],
    ]);
    expect(revisions[1]!.diff).toContain("-echo two\n+echo 2");
    const res = await historyGet(
      new Request(`http://tao.test/api/v1/cci/templates/${t.id}/history`, {
        headers: { authorization: `Bearer ${deployer.token}` },
      }),
      { params: Promise.resolve({ id: t.id }) },
    );
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(3);
  });
});

describe("the default script's functions, run with curl against tao", () => {
  it("tao_report_build records the build; tao_deploy deploys the feature branch", async () => {
    const server = await startCciServer();
    try {
      const project = `${ns}/shop`;
      const product = await createProduct(system, { name: `cci-${id}` });
      const c = await createComponent(system, {
        productId: product.id,
        name: "shop",
        image: "registry.test/shop",
        gitlabPath: project,
      });
      const release = await createRelease(system, {
        productId: product.id,
        version: "v1.0.0",
        status: "released",
        items: [{ componentId: c.id, tag: "v1.0.0" }],
      });
      await upsertFeatureBranch(system, {
        productId: product.id,
        branch: "feature/cart",
        baseReleaseId: release.id,
      });
      const environment = await createEnvironment(system, { name: `ci-env-${id}` });
      const user = await makeUser("deployer");
      const { token } = await createApiToken(user.userId, {
        name: "ci",
        scopes: ["report-build", "deploy"],
        expiresInDays: 1,
      });

      const script = await fetchScript(
        { namespace: ns, project: `shop-${id}`, branch: "feature/cart" },
        token,
      );
      const file = writeScript(script.text);
      const ciEnv = {
        PATH: process.env.PATH ?? "",
        TAO_URL: server.url,
        TAO_TOKEN: token,
        CI_PROJECT_PATH: project,
        CI_COMMIT_REF_NAME: "feature/cart",
        CI_COMMIT_SHA: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
        TAO_DEPLOY_WAIT: "0",
      };
      // asynchronous: the route handlers answering curl run in this very process
      const sh = (cmd: string, env = ciEnv) => runBash(`source "$1"; ${cmd}`, file, env);

      const reported = await sh("tao_report_build");
      expect(reported.status, reported.stderr + reported.stdout).toBe(0);
      expect(
        await db.build.findUnique({
          where: { componentId_tag: { componentId: c.id, tag: "feature-cart-da156088" } },
        }),
      ).toMatchObject({
        gitRef: "feature/cart",
        commitSha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
        source: "ci",
      });

      const deployed = await sh(`tao_deploy ${environment.name}`);
      expect(deployed.status, deployed.stderr).toBe(0);
      const task = await db.task.findFirstOrThrow({ where: { environmentId: environment.id } });
      expect(task.type).toBe("feature");
      expect(JSON.parse(task.params).components).toEqual([
        expect.objectContaining({ name: "shop", tag: "feature-cart-da156088", fromBranch: true }),
      ]);
      await cancelTask(user, task.id); // nothing runs it: no deploy worker in this file

      const noToken = await sh("tao_report_build", { ...ciEnv, TAO_TOKEN: "" });
      expect(noToken.status).toBe(2);
      expect(noToken.stderr).toContain("TAO_TOKEN is not set");
    } finally {
      await server.close();
    }
  });
});

function runBash(command: string, file: string, env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn("bash", ["-c", command, "x", file], {
      env: env as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d;
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function writeScript(text: string): string {
  const file = path.join(dir, `cci-${uid()}.sh`);
  fs.writeFileSync(file, text);
  return file;
}
