import { expect, type Page, request, type TestInfo, test } from "@playwright/test";
import { chooseOption, DEMO_USERS, openDrawer, unique } from "./fixtures";

// The dashboards without deploying anything: what viewers may do, the protected-environment
// confirmation, the tasks list filters in the URL, and a screenshot of every dashboard.

const DASHBOARDS = [
  { path: "/environments", heading: "Environments" },
  { path: "/releases", heading: "Releases" },
  { path: "/features", heading: "Feature branches" },
  { path: "/tasks", heading: "Tasks" },
];

test.describe.configure({ timeout: 180_000 });

/** Signs in through the form; waits longer than the shared helper (pages are slow on a busy machine). */
async function signInAs(page: Page, who: keyof typeof DEMO_USERS) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(DEMO_USERS[who].username);
  await page.getByLabel("Password").fill(DEMO_USERS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(DEMO_USERS[who].username, { timeout: 60_000 });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

test("a viewer sees the dashboards but cannot deploy, and the API refuses them too", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "viewer");
  for (const d of DASHBOARDS.slice(0, 3)) {
    await page.goto(d.path);
    await expect(page.getByRole("heading", { name: d.heading, level: 3 })).toBeVisible();
    const buttons = page.getByTestId("deploy-button");
    await expect(buttons.first()).toBeVisible();
    const n = await buttons.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(buttons.nth(i)).toBeDisabled();
  }
  // the tooltip says why
  await page.goto("/environments");
  await page.getByTestId("deploy-blocked").first().hover();
  await expect(page.getByRole("tooltip")).toContainText("can look but not deploy");

  const res = await page.request.post("/api/v1/tasks", {
    headers: { Origin: new URL(baseURL!).origin },
    data: { type: "release", environment: "test-1", releaseId: "any" },
  });
  expect(res.status()).toBe(403);
  const close = await page.request.post("/api/v1/features/any/close", {
    headers: { Origin: new URL(baseURL!).origin },
  });
  expect(close.status()).toBe(403);
});

test("a protected environment: deployers may not, admins confirm first", async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  await api.post("/api/auth/login", {
    data: { username: DEMO_USERS.admin.username, password: DEMO_USERS.admin.password },
  });
  const name = unique("e2e-protected");
  const created = await api.post("/api/v1/environments", { data: { name, protected: true } });
  expect(created.status(), await created.text()).toBe(201);
  await api.dispose();

  await signInAs(page, "qa");
  await page.goto("/environments");
  const card = page.getByTestId(`env-card-${name}`);
  await expect(card.getByTestId("protected-tag")).toBeVisible();
  await expect(card.getByTestId("deploy-button")).toBeDisabled();
  await card.getByTestId("deploy-blocked").hover();
  await expect(page.getByRole("tooltip")).toContainText(`${name} is protected: only admins deploy there`);

  await page.context().clearCookies();
  await signInAs(page, "admin");
  await page.goto("/environments");
  await page.getByTestId(`env-card-${name}`).getByTestId("deploy-button").click();
  const drawer = openDrawer(page);
  await chooseOption(page, drawer, "Product", "私有化产品Demo");
  await chooseOption(page, drawer, "Version", "v1.2.0");
  await expect(drawer.getByTestId("diff-summary")).toContainText("4 new");
  await drawer.getByRole("button", { name: "Deploy" }).click();
  const confirm = page.locator(".ant-modal-confirm");
  await expect(confirm).toContainText(`Deploy to the protected environment ${name}?`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page).toHaveURL(/\/environments$/); // nothing was submitted
});

test("the tasks list keeps its filters in the URL", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/tasks");
  await chooseOption(page, page.locator("[role=search]"), "Status", "Failed");
  await expect(page).toHaveURL(/[?&]status=failed/);
  await chooseOption(page, page.locator("[role=search]"), "Type", "Custom");
  await expect(page).toHaveURL(/[?&]type=components/);
  await page.reload();
  await expect(page.getByTestId("filter-status")).toContainText("Failed");
  for (const status of await page
    .getByTestId("task-row-status")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))))
    expect(status).toBe("failed");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test("every dashboard renders without errors and is saved as a screenshot", async ({ page }, testInfo) => {
  // a page that renders differently on the server and in the browser logs an error (React #418)
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await signInAs(page, "admin");
  for (const d of DASHBOARDS) {
    await page.goto(d.path);
    await expect(page.getByRole("heading", { name: d.heading, level: 3 })).toBeVisible();
    await expect(page.getByTestId("live-badge")).toBeVisible();
    await screenshot(page, testInfo, `dashboard${d.path.replace("/", "-")}`);
  }
  await page.goto("/environments");
  await page.getByRole("link", { name: "test-1" }).first().click();
  await expect(page.getByRole("heading", { name: "test-1", level: 3 })).toBeVisible();
  await expect(page.getByRole("button", { name: /Refresh from hosts/ })).toBeEnabled();
  await screenshot(page, testInfo, "environment-test-1");
  expect(errors).toEqual([]);
});

test("the dashboards speak Chinese", async ({ page }, testInfo) => {
  await signInAs(page, "viewer");
  await page.goto("/environments");
  await page.getByLabel("Language").click();
  await page.locator(".ant-select-dropdown:visible").getByTitle("简体中文").click();
  await expect(page.getByRole("heading", { name: "环境", level: 3 })).toBeVisible();
  await expect(page.getByTestId("live-badge")).toContainText("实时");
  for (const [path, heading] of [
    ["/environments", "环境"],
    ["/releases", "版本"],
    ["/features", "特性分支"],
    ["/tasks", "任务"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 3 })).toBeVisible();
  }
  await screenshot(page, testInfo, "dashboard-tasks-zh-CN");
});
