import { describe, expect, it } from "vitest";
import { GET as buildsGet, POST as buildsPost } from "@/app/api/v1/builds/route";
import { POST as tasksPost } from "@/app/api/v1/tasks/route";
import { DELETE as tokenDelete } from "@/app/api/v1/tokens/[id]/route";
import { GET as tokensGet, POST as tokensPost } from "@/app/api/v1/tokens/route";
import { hashToken } from "@/lib/auth/tokens";
import { createComponent } from "@/lib/catalog/components";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { makeUser, system, uid } from "./helpers";

// API tokens: per user, shown once, stored hashed, scoped, expirable, revocable, last use recorded;
// POST /api/v1/builds and POST /api/v1/tasks accept them within their scopes.

const call = (
  handler: (req: Request, c: never) => Promise<Response>,
  method: string,
  url: string,
  token: string,
  body?: unknown,
  params: Record<string, string> = {},
) =>
  handler(
    new Request(`http://tao.test${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) } as never,
  );

type TokenAnswer = { id: string; token: string; scopes: string[]; prefix: string };

async function issue(owner: { token: string }, scopes: string[], expiresInDays: number | null = 30) {
  const res = await call(tokensPost, "POST", "/api/v1/tokens", owner.token, {
    name: `t-${uid()}`,
    scopes,
    expiresInDays,
  });
  return { status: res.status, body: (await res.json()) as TokenAnswer & { error?: { message: string } } };
}

describe("API tokens", () => {
  it("are shown once and stored as a hash", async () => {
    const deployer = await makeUser("deployer");
    const { status, body } = await issue(deployer, ["report-build"]);
    expect(status).toBe(201);
    expect(body.token).toMatch(/^tao_/);
    expect(body.token.startsWith(body.prefix)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.tokenHash).toBe(hashToken(body.token));
    expect(JSON.stringify(row)).not.toContain(body.token);
    const list = await call(tokensGet, "GET", "/api/v1/tokens", deployer.token);
    const text = await list.text();
    expect(text).toContain(body.id);
    expect(text).not.toContain(body.token);
    expect(text).not.toContain(row.tokenHash);
  });

  it("only get scopes the role can use", async () => {
    const viewer = await makeUser("viewer");
    expect((await issue(viewer, ["read"])).status).toBe(201);
    const refused = await issue(viewer, ["report-build"]);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain("your role cannot use report-build");
    const deployer = await makeUser("deployer");
    expect((await issue(deployer, ["admin"])).status).toBe(400);
  });

  it("are enforced by scope on builds and tasks", async () => {
    const deployer = await makeUser("deployer");
    const product = await createProduct(system, { name: `tokens-${uid()}` });
    const c = await createComponent(system, {
      productId: product.id,
      name: "api",
      image: "registry.test/api",
    });
    const build = (await issue(deployer, ["report-build"])).body.token;
    const deploy = (await issue(deployer, ["deploy"])).body.token;
    const read = (await issue(deployer, ["read"])).body.token;
    const report = { componentId: c.id, tag: "v9.9.9", gitRef: "main", commitSha: "abcdef1" };

    expect((await call(buildsPost, "POST", "/api/v1/builds", build, report)).status).toBe(201);
    expect((await call(buildsPost, "POST", "/api/v1/builds", deploy, report)).status).toBe(403);
    expect((await call(buildsPost, "POST", "/api/v1/builds", read, report)).status).toBe(403);
    expect((await call(buildsGet, "GET", `/api/v1/builds?componentId=${c.id}`, build)).status).toBe(403);
    const listed = await call(buildsGet, "GET", `/api/v1/builds?componentId=${c.id}`, read);
    expect(((await listed.json()) as { items: { tag: string }[] }).items.map((b) => b.tag)).toEqual([
      "v9.9.9",
    ]);

    const task = {
      type: "components",
      environment: `missing-${uid()}`,
      components: [{ componentId: c.id, tag: "v9.9.9" }],
    };
    expect((await call(tasksPost, "POST", "/api/v1/tasks", build, task)).status).toBe(403);
    expect((await call(tasksPost, "POST", "/api/v1/tasks", read, task)).status).toBe(403);
    // past authorisation: the environment does not exist
    expect((await call(tasksPost, "POST", "/api/v1/tasks", deploy, task)).status).toBe(404);

    // a report-build token cannot make more tokens
    expect((await issue({ token: build }, ["report-build"])).status).toBe(403);
  });

  it("record their last use, expire and can be revoked", async () => {
    const deployer = await makeUser("deployer");
    const { body } = await issue(deployer, ["read"]);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: body.id } })).lastUsedAt).toBeNull();
    expect((await call(buildsGet, "GET", "/api/v1/builds", body.token)).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: body.id } })).lastUsedAt).toBeInstanceOf(Date);

    await db.apiToken.update({ where: { id: body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(buildsGet, "GET", "/api/v1/builds", body.token)).status).toBe(401);

    const second = (await issue(deployer, ["read"], null)).body;
    const del = await call(tokenDelete, "DELETE", `/api/v1/tokens/${second.id}`, deployer.token, undefined, {
      id: second.id,
    });
    expect(del.status).toBe(204);
    expect((await call(buildsGet, "GET", "/api/v1/builds", second.token)).status).toBe(401);
    const mine = (await (await call(tokensGet, "GET", "/api/v1/tokens", deployer.token)).json()) as {
      items: { id: string; status: string }[];
    };
    expect(mine.items.find((t) => t.id === second.id)?.status).toBe("revoked");
    expect(mine.items.find((t) => t.id === body.id)?.status).toBe("expired");
  });

  it("belong to their user; admins see and revoke everyone's", async () => {
    const alice = await makeUser("deployer");
    const bob = await makeUser("deployer");
    const admin = await makeUser("admin");
    const { body } = await issue(alice, ["read"]);
    const bobTries = await call(tokenDelete, "DELETE", `/api/v1/tokens/${body.id}`, bob.token, undefined, {
      id: body.id,
    });
    expect(bobTries.status).toBe(404);
    expect((await call(tokensGet, "GET", "/api/v1/tokens?all=1", bob.token)).status).toBe(403);
    const all = (await (await call(tokensGet, "GET", "/api/v1/tokens?all=1", admin.token)).json()) as {
      items: { id: string; user: { username: string } }[];
    };
    expect(all.items.find((t) => t.id === body.id)?.user.username).toBe(alice.username);
    const revoked = await call(tokenDelete, "DELETE", `/api/v1/tokens/${body.id}`, admin.token, undefined, {
      id: body.id,
    });
    expect(revoked.status).toBe(204);
    expect((await call(buildsGet, "GET", "/api/v1/builds", body.token)).status).toBe(401);
  });
});
