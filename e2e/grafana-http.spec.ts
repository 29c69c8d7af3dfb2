import { expect, request, test } from "@playwright/test";
import { DEMO_USERS } from "./fixtures";

// The Grafana data source through the production server, as the plugins reach it over HTTP: old
// falcon plugin builds ask for `/metrics/find/?query=` with a trailing slash, and Grafana sends the
// read token as a bearer or as the Basic-auth password. No redirect may stand in between.

test("Grafana's requests are answered directly, trailing slash or not", async ({ baseURL }) => {
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  const login = await admin.post("/api/auth/login", {
    data: { username: DEMO_USERS.admin.username, password: DEMO_USERS.admin.password },
  });
  expect(login.ok(), await login.text()).toBeTruthy();
  const created = await admin.post("/api/v1/tokens", { data: { name: "grafana-e2e", scopes: ["read"] } });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  await admin.dispose();

  const grafana = await request.newContext({ baseURL });
  const bearer = { Authorization: `Bearer ${token}` };
  for (const path of ["/api/v1/grafana/metrics/find?query=*", "/api/v1/grafana/metrics/find/?query=*"]) {
    const res = await grafana.get(path, { headers: bearer, maxRedirects: 0 });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    const tree = (await res.json()) as { text: string }[];
    expect(tree.map((n) => n.text)).toContain("@tapd");
  }
  const basic = { Authorization: `Basic ${Buffer.from(`grafana:${token}`).toString("base64")}` };
  for (const path of ["/api/v1/grafana/json", "/api/v1/grafana/json/"]) {
    const res = await grafana.get(path, { headers: basic, maxRedirects: 0 });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  }
  const anonymous = await grafana.get("/api/v1/grafana/json/", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  await grafana.dispose();
});
