import fs from "node:fs";
import { type APIRequestContext, expect, type Page, request, type TestInfo, test } from "@playwright/test";
import { readTestbed } from "../lib/demo/testbed";
import { chooseOption, DEMO_USERS, openDrawer, pickFromDropdown, unique } from "./fixtures";

// The portal's deploy flows in a real browser against web + worker + the testbed: a release from the
// releases dashboard with its live log, a failing health check and Retry, Cancel, a feature branch.
// Every test makes its own environment (a testbed host under a new name) so none depends on another.

const PRODUCT = "私有化产品Demo";
const FINAL = ["success", "failed", "canceled"];

type Api = APIRequestContext;
type TaskJson = { id: number; status: string; error: string };

/** An API client signed in as the admin (cookie session; writes carry the Origin header). */
async function adminApi(baseURL: string): Promise<Api> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
  const res = await api.post("/api/auth/login", {
    data: { username: DEMO_USERS.admin.username, password: DEMO_USERS.admin.password },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return api;
}

async function json<T>(res: Awaited<ReturnType<Api["get"]>>, status?: number): Promise<T> {
  if (status !== undefined) expect(res.status(), await res.text()).toBe(status);
  else expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()) as T;
}

/**
 * A new environment whose one host is a testbed host (the last one: the demo environments use the
 * first ones). Containers are per host, so tests that deploy the same component run one at a time.
 */
async function createEnvironment(
  api: Api,
  prefix: string,
  overrides: Record<string, { env: Record<string, string> }> = {},
): Promise<{ id: string; name: string }> {
  const tb = readTestbed();
  const host = tb.hosts[tb.hosts.length - 1]!;
  const registries = await json<{ items: { id: string; name: string }[] }>(
    await api.get("/api/v1/registries"),
  );
  const registryId = registries.items.find((r) => r.name === "testbed")?.id ?? null;
  const name = unique(prefix);
  const env = await json<{ id: string; name: string }>(
    await api.post("/api/v1/environments", {
      data: { name, description: "made by the portal e2e spec", registryId, overrides },
    }),
    201,
  );
  await json(
    await api.post("/api/v1/hosts", {
      data: {
        environmentId: env.id,
        name: `${host.name}.${name}.local`,
        address: host.address,
        port: host.port,
        username: host.username,
        authMethod: "password",
        secret: host.password,
        containerCli: host.containerCli,
      },
    }),
    201,
  );
  return env;
}

async function componentIds(api: Api): Promise<Record<string, string>> {
  const { items } = await json<{ items: { id: string; name: string; product: { name: string } }[] }>(
    await api.get("/api/v1/components"),
  );
  return Object.fromEntries(items.filter((c) => c.product.name === PRODUCT).map((c) => [c.name, c.id]));
}

async function deployComponents(
  api: Api,
  environment: string,
  components: { componentId: string; tag: string }[],
) {
  return json<{ id: number }>(
    await api.post("/api/v1/tasks", { data: { type: "components", environment, components } }),
    201,
  );
}

async function waitForTask(api: Api, id: number, timeoutMs = 90_000): Promise<TaskJson> {
  let task: TaskJson | undefined;
  await expect
    .poll(
      async () => {
        task = await json<TaskJson>(await api.get(`/api/v1/tasks/${id}`));
        return FINAL.includes(task.status);
      },
      { timeout: timeoutMs, intervals: [500, 1000] },
    )
    .toBe(true);
  return task!;
}

/** Ends a task the test left behind (so the next test has the host to itself). */
async function settle(api: Api, id: number) {
  const task = await json<TaskJson>(await api.get(`/api/v1/tasks/${id}`));
  if (!FINAL.includes(task.status)) await api.post(`/api/v1/tasks/${id}/cancel`);
  await waitForTask(api, id);
}

/** Signs in through the form; waits longer than the shared helper (pages are slow on a busy machine). */
async function signInAs(page: Page, who: keyof typeof DEMO_USERS) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(DEMO_USERS[who].username);
  await page.getByLabel("Password").fill(DEMO_USERS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(DEMO_USERS[who].username, { timeout: 60_000 });
}

/**
 * Keeps an environment busy with a task that waits on its health check (slow-start with a long
 * START_DELAY, see the environment's overrides): the task under test queues behind it, so its page
 * is open before it starts however slow the machine is. `release()` lets the queue move on.
 */
async function occupy(api: Api, environmentId: string, componentId: string) {
  const blocker = await deployComponents(api, environmentId, [{ componentId, tag: "slow-start" }]);
  return {
    id: blocker.id,
    release: async () => {
      await api.post(`/api/v1/tasks/${blocker.id}/cancel`); // 409 when it already ended: fine
      await waitForTask(api, blocker.id);
    },
  };
}

const SLOW = { env: { START_DELAY: "60" } }; // only slow-start images read it

function taskIdOf(page: Page): number {
  const m = /\/tasks\/(\d+)$/.exec(new URL(page.url()).pathname);
  expect(m, page.url()).not.toBeNull();
  return Number(m![1]);
}

async function expectStatus(page: Page, status: string, timeout = 90_000) {
  await expect(page.getByTestId("task-status")).toHaveAttribute("data-status", status, { timeout });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

// Deploys take seconds on an idle machine, much longer on a busy one.
test.describe.configure({ timeout: 240_000 });

let api: Api;
test.beforeAll(async ({ baseURL }) => {
  api = await adminApi(baseURL!);
});
test.afterAll(async () => {
  await api.dispose();
});

test("QA deploys a release from the releases dashboard and watches the live log", async ({
  page,
}, testInfo) => {
  const env = await createEnvironment(api, "e2e-qa", { "component-d": SLOW });
  const ids = await componentIds(api);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await signInAs(page, "qa");

  await page.goto("/releases");
  const row = page.getByTestId(`product-${PRODUCT}`).getByTestId("release-row-v1.1.0");
  await row.getByRole("button", { name: "Deploy" }).click();
  const drawer = openDrawer(page);
  await expect(drawer.getByLabel("Version")).toBeVisible();
  await expect(drawer.locator(".ant-select-content", { hasText: "v1.1.0" })).toBeVisible();
  await chooseOption(page, drawer, "Environment", env.name);
  // nothing runs there yet: every component is new
  for (const c of ["component-a", "component-b", "component-c", "component-d"])
    await expect(drawer.getByTestId(`diff-row-${c}`)).toContainText("New");
  await expect(drawer.getByTestId("diff-summary")).toContainText("0 changed · 0 unchanged · 4 new");
  const busy = await occupy(api, env.id, ids["component-d"]!);
  await drawer.getByRole("button", { name: "Deploy" }).click();

  await expect(page).toHaveURL(/\/tasks\/\d+$/, { timeout: 60_000 });
  const taskId = taskIdOf(page);
  await expect(page.getByRole("heading", { name: `Task #${taskId}` })).toBeVisible({ timeout: 30_000 });
  // queued behind the busy environment's task, then it runs
  await expect(page.getByTestId("task-status")).toHaveAttribute("data-status", /waiting|running/);
  if ((await page.getByTestId("task-status").getAttribute("data-status")) === "waiting")
    await expect(page.getByTestId("task-queue")).toContainText(`the running task of ${env.name}`);
  await busy.release();
  // A log line is on screen while the task has not ended yet (checked on every animation frame:
  // it fails if the page only ever shows lines together with the final status).
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="task-status"]')?.getAttribute("data-status");
      const line = document.querySelector('[data-testid="log-line"]');
      return line !== null && (status === "waiting" || status === "running");
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  await expectStatus(page, "success");
  await expect(page.getByTestId("log-line").last()).toContainText("deployment finished successfully");
  // every line once, none missing: the count of lines held equals the last line's sequence number
  const count = await page.getByTestId("log-count").getAttribute("data-count");
  await expect(page.getByTestId("log-line").last()).toHaveAttribute("data-seq", count!);
  await expect(page.getByTestId("task-cancel")).toBeDisabled();
  await expect(page.getByTestId("task-retry")).toBeEnabled();

  // the environments dashboard shows the new versions and the release they make up
  await page.goto("/environments");
  const card = page.getByTestId(`env-card-${env.name}`);
  await expect(card.getByTestId("release-match")).toHaveAttribute("data-kind", "match");
  await expect(card.getByTestId("release-match")).toContainText(`${PRODUCT} v1.1.0`);
  for (const c of ["component-a", "component-b", "component-c", "component-d"])
    await expect(card.getByTestId(`running-${c}`)).toHaveText(`${c}: v1.1.0`);
  await expect(card.getByTestId("task-brief")).toContainText(`#${taskId}`);
  await screenshot(page, testInfo, "environments-dashboard");

  // …and the releases dashboard says where v1.1.0 runs, and what v1.2.0 would change there
  await page.goto("/releases");
  const product = page.getByTestId(`product-${PRODUCT}`);
  await expect(product.getByTestId("release-row-v1.1.0").getByTestId("runs-in")).toContainText(env.name);
  await chooseOption(page, product.getByTestId("release-row-v1.2.0"), "Compare with v1.2.0", env.name);
  const diff = product.getByTestId("release-diff-v1.2.0");
  await expect(diff.getByTestId("diff-summary")).toContainText("4 changed · 0 unchanged · 0 new");
  await expect(diff.getByTestId("diff-row-component-a")).toContainText("v1.1.0");
  await expect(diff.getByTestId("diff-row-component-a")).toContainText("v1.2.0");
  expect(errors).toEqual([]);
});

test("a failing health check keeps the previous version; Retry makes a new task", async ({ page }) => {
  const env = await createEnvironment(api, "e2e-broken");
  const ids = await componentIds(api);
  const first = await deployComponents(api, env.id, [{ componentId: ids["component-a"]!, tag: "v1.0.0" }]);
  expect((await waitForTask(api, first.id)).status).toBe("success");

  await signInAs(page, "qa");
  await page.goto(`/environments/${env.id}`);
  await expect(page.getByTestId("matrix-row-component-a").getByTestId("cell-component-a")).toHaveAttribute(
    "data-tag",
    "v1.0.0",
  );
  await page.getByTestId("deploy-button").click();
  const drawer = openDrawer(page);
  await drawer.locator("label.ant-radio-button-wrapper", { hasText: "Custom" }).click();
  await expect(drawer.getByRole("radio", { name: "Custom" })).toBeChecked();
  await chooseOption(page, drawer, "Product", PRODUCT);
  for (const c of ["component-b", "component-c", "component-d"])
    await drawer.getByLabel(`Deploy ${c}`).uncheck();
  await drawer.getByLabel("Tag component-a").fill("broken");
  await expect(drawer.getByTestId("diff-row-component-a")).toContainText("Changed");
  await expect(drawer.getByTestId("diff-summary")).toContainText("1 changed · 0 unchanged · 0 new");
  await drawer.getByRole("button", { name: "Deploy" }).click();

  await expect(page).toHaveURL(/\/tasks\/\d+$/, { timeout: 60_000 });
  const failedId = taskIdOf(page);
  await expectStatus(page, "failed", 100_000);
  await expect(page.getByTestId("task-error")).toBeVisible();
  await expect(page.getByTestId("log-viewer")).toContainText("restored the previous container");

  // the environment still runs the old version
  await page.getByRole("link", { name: env.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/environments/${env.id}$`));
  await expect(page.getByTestId("cell-component-a")).toHaveAttribute("data-tag", "v1.0.0");

  // Retry from the task page: a new task that says what it retries
  await page.goto(`/tasks/${failedId}`);
  await page.getByTestId("task-retry").click();
  await expect(page).not.toHaveURL(new RegExp(`/tasks/${failedId}$`));
  await expect(page).toHaveURL(/\/tasks\/\d+$/, { timeout: 60_000 });
  const retryId = taskIdOf(page);
  expect(retryId).toBeGreaterThan(failedId);
  await expect(page.getByTestId("task-retry-of")).toHaveText(`retry of #${failedId}`);
  await expect(page.getByRole("heading", { name: `Task #${retryId}` })).toBeVisible();
  await settle(api, retryId);
});

test("a running task is canceled from its page", async ({ page }) => {
  // slow-start told to wait 60 s: the task waits on its health check (20 s), long enough to cancel
  const env = await createEnvironment(api, "e2e-cancel", { "component-a": SLOW, "component-c": SLOW });
  const ids = await componentIds(api);
  const busy = await occupy(api, env.id, ids["component-c"]!);
  const task = await deployComponents(api, env.id, [{ componentId: ids["component-a"]!, tag: "slow-start" }]);

  await signInAs(page, "qa");
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByTestId("task-status")).toHaveAttribute("data-status", /waiting|running/);
  await busy.release();
  await expectStatus(page, "running", 60_000);
  await page.getByTestId("task-cancel").click();
  const confirm = page.locator(".ant-popconfirm");
  // confirm once the pop-up has finished its zoom-in: a click while it still moves can miss
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toHaveClass(/-(appear|enter)\b/);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expectStatus(page, "canceled", 60_000);
  await expect(page.getByTestId("task-cancel")).toBeDisabled();
  await expect(page.getByTestId("task-retry")).toBeEnabled();
  await expect(page.getByTestId("log-viewer")).toContainText("canceled");
  expect((await waitForTask(api, task.id)).status).toBe("canceled");
});

test("a feature branch deploys its builds on top of its base release", async ({ page }) => {
  const env = await createEnvironment(api, "e2e-feature");
  await signInAs(page, "qa");

  await page.goto("/features");
  const card = page.getByTestId("feature-card-feature_base_demo");
  await expect(card).toContainText("基本功能演示");
  await expect(card).toContainText("v1.1.0");
  await expect(card).toContainText("No linked stories or bugs");
  await card.getByRole("button", { name: "Deploy" }).click();
  const drawer = openDrawer(page);
  await expect(drawer.getByRole("radio", { name: "Feature branch" })).toBeChecked();
  await chooseOption(page, drawer, "Environment", env.name);
  await expect(drawer.getByTestId("diff-row-component-a")).toContainText("feature_base_demo-1a2b3c4");
  await expect(drawer.getByTestId("diff-row-component-a").getByTestId("diff-mark")).toHaveText("from branch");
  await expect(drawer.getByTestId("diff-row-component-c")).toContainText("v1.1.0");
  await expect(drawer.getByTestId("diff-row-component-c").getByTestId("diff-mark")).toHaveCount(0);
  await drawer.getByRole("button", { name: "Deploy" }).click();

  await expect(page).toHaveURL(/\/tasks\/\d+$/, { timeout: 60_000 });
  await expectStatus(page, "success");

  await page.goto(`/environments/${env.id}`);
  for (const c of ["component-a", "component-b"])
    await expect(page.getByTestId(`matrix-row-${c}`).getByTestId(`cell-${c}`)).toHaveAttribute(
      "data-tag",
      "feature_base_demo-1a2b3c4",
    );
  for (const c of ["component-c", "component-d"])
    await expect(page.getByTestId(`matrix-row-${c}`).getByTestId(`cell-${c}`)).toHaveAttribute(
      "data-tag",
      "v1.1.0",
    );
  await expect(page.getByTestId("release-match").first()).toHaveAttribute("data-kind", "mixed");
  // what the host really runs agrees
  await page.getByRole("button", { name: "Refresh from hosts" }).click();
  // (the host may run other products' containers too: other test suites share the testbed)
  await expect(page.getByText(/^Read 1 of 1 host\(s\)/)).toBeVisible({ timeout: 60_000 });
  for (const c of ["component-a", "component-b", "component-c", "component-d"])
    await expect(page.getByTestId(`cell-${c}`).getByTestId("drift")).toHaveAttribute(
      "data-drift",
      "in-sync",
      {
        timeout: 60_000,
      },
    );

  // the card now links the environment it was last deployed to
  await page.goto("/features");
  const after = page.getByTestId("feature-card-feature_base_demo");
  await expect(after.getByTestId("feature-last-env")).toHaveText(env.name);

  // a story linked to the branch (by hand, by its long TAPD id: no TAPD sync in the demo) shows on the card
  const features = await json<{ items: { id: string; branch: string }[] }>(
    await api.get("/api/v1/dashboards/features"),
  );
  const featureId = features.items.find((f) => f.branch === "feature_base_demo")!.id;
  const storyId = "1120001234001009999";
  await json(
    await api.post("/api/v1/tapd/links", {
      data: { featureBranchId: featureId, entityType: "story", entityId: storyId },
    }),
    201,
  );
  await page.reload();
  await expect(after.getByTestId("tapd-linked-item")).toContainText(storyId);
  await expect(after.getByTestId("feature-links-empty")).toHaveCount(0);
  const [linkId] = await linkIds(api, featureId);
  expect((await api.delete(`/api/v1/tapd/links/${linkId}`)).ok()).toBeTruthy();
});

async function linkIds(api: Api, featureBranchId: string): Promise<string[]> {
  const { items } = await json<{ items: Record<string, { linkId: string }[]> }>(
    await api.get(`/api/v1/tapd/links?featureBranchIds=${featureBranchId}`),
  );
  return (items[featureBranchId] ?? []).map((l) => l.linkId);
}

test("a 100 000-line log stays responsive: virtualised, search, filter, copy, download, follow", async ({
  page,
  context,
}, testInfo) => {
  // chatty prints numbered lines before it serves; the engine streams them into the task log
  // during the health check (a limited rate, so the health check cannot pass before they are out)
  const LINES = 110_000;
  const env = await createEnvironment(api, "e2e-chatty", {
    "component-a": { env: { LINE_COUNT: String(LINES), LINES_PER_SEC: "25000" } },
  });
  const ids = await componentIds(api);
  const task = await deployComponents(api, env.id, [{ componentId: ids["component-a"]!, tag: "chatty" }]);
  expect((await waitForTask(api, task.id, 180_000)).status).toBe("success");

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "qa");
  await page.goto(`/tasks/${task.id}`);
  const count = page.getByTestId("log-count");
  await expect
    .poll(async () => Number(await count.getAttribute("data-count")), { timeout: 120_000 })
    .toBeGreaterThan(100_000);
  await expect(page.getByTestId("log-line").last()).toContainText("deployment finished successfully");
  // only the rows on screen are in the page
  expect(await page.getByTestId("log-line").count()).toBeLessThan(200);

  // scrolling up stops following; "Follow" goes back to the end
  const scroller = page.getByTestId("log-scroller");
  await expect(scroller).toHaveAttribute("data-following", "true");
  await scroller.evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(scroller).toHaveAttribute("data-following", "false");
  await expect(page.getByTestId("log-line").first()).toHaveAttribute("data-seq", "1");

  // search answers at once however long the log is
  const started = Date.now();
  await page.getByTestId("log-search").locator("input").fill("chatty line 54321 of");
  await expect(page.getByTestId("log-line")).toHaveCount(1);
  await expect(page.getByTestId("log-line")).toContainText(`component-a chatty line 54321 of ${LINES}`);
  expect(Date.now() - started).toBeLessThan(5_000);
  await page.getByRole("button", { name: "Copy" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    `[component-a] component-a chatty line 54321 of ${LINES}`,
  );
  await screenshot(page, testInfo, "task-log-search");
  await page.getByTestId("log-search").locator("input").fill("");

  // the component filter, and a download of what is shown
  await pickFromDropdown(page, page.getByLabel("Component", { exact: true }), "component-a");
  await expect(count).toContainText(/of [\d,]+ lines/);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe(`task-${task.id}.log`);
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain(`component-a chatty line ${LINES} of ${LINES}`);
  expect(text.split("\n").filter((l) => l.includes("[component-a]")).length).toBeGreaterThan(100_000);

  await page.getByTestId("log-follow").click();
  await expect(scroller).toHaveAttribute("data-following", "true");
  await expect(page.getByTestId("log-line").last()).toBeVisible();
});
