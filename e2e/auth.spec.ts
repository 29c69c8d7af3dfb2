import { expect, test } from "@playwright/test";
import {
  chooseOption,
  DEMO_USERS,
  openDrawer,
  pickFromDropdown,
  SESSION_COOKIE,
  saveDrawer,
  signIn,
  signInAs,
  unique,
} from "./fixtures";

const ADMIN_PAGES = [
  "/settings/products",
  "/settings/environments",
  "/settings/registries",
  "/settings/users",
  "/settings/audit",
];

test("a wrong password is refused with a message and no session cookie", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("Username", { exact: true }).fill(DEMO_USERS.admin.username);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect((await context.cookies()).map((c) => c.name)).not.toContain(SESSION_COOKIE);
});

test("an admin adds an environment with a host, then signs out", async ({ page, context }) => {
  test.slow(); // environment, host, sign-out: several server renders in a row
  const envName = unique("e2e-env");
  const hostName = `${unique("app")}.e2e.local`;
  await signInAs(page, "admin");

  await page.goto("/settings/environments");
  await page.getByRole("button", { name: "Create" }).click();
  let drawer = openDrawer(page);
  await drawer.getByLabel("Name", { exact: true }).fill(envName);
  await drawer.getByLabel("Description").fill("made by the end-to-end test");
  await drawer.getByLabel("DNS domain").fill(`${envName}.test.local`);
  await chooseOption(page, drawer, "Registry", /^testbed \(/);
  await saveDrawer(page);
  const row = page.locator("tr", { hasText: envName });
  await expect(row).toBeVisible();
  await expect(row).toContainText("testbed");

  await page.getByRole("button", { name: `Add host ${envName}` }).click();
  drawer = openDrawer(page);
  await expect(drawer).toContainText(`Add a host to ${envName}`);
  await drawer.getByLabel("Name", { exact: true }).fill(hostName);
  await drawer.getByLabel("Address").fill("127.0.0.1");
  await drawer.getByLabel("SSH port").fill("2299");
  await drawer.getByLabel("SSH user").fill("deploy");
  await drawer.getByLabel("Password").fill(unique("pw"));
  // Enter submits the form, like the Save button
  await drawer.getByLabel("SSH user").press("Enter");
  await expect(drawer).toHaveCount(0);

  const hosts = page.getByTestId(`hosts-${envName}`);
  await expect(hosts).toContainText(hostName);
  await expect(hosts).toContainText("deploy@127.0.0.1:2299");
  await expect(hosts.getByTestId("secret-set")).toBeVisible();
  await expect(row.locator("td").nth(6)).toHaveText("1"); // host count

  // The menu opens on hover; a hover that lands while the page still settles opens nothing, so
  // move away and hover again until the item shows.
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.getByTestId("user-menu").hover();
    await expect(signOut).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await signOut.click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await context.cookies()).map((c) => c.name)).not.toContain(SESSION_COOKIE);
  await page.goto("/settings/environments");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fenvironments$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a viewer gets the 403 page on admin settings and a 403 from the API", async ({ page, baseURL }) => {
  await signInAs(page, "viewer");
  const products = await page.request.get("/api/v1/products");
  expect(products.ok()).toBe(true);
  const firstProduct = ((await products.json()) as { items: { id: string }[] }).items[0];
  expect(firstProduct).toBeDefined();

  for (const path of [...ADMIN_PAGES, `/settings/products/${firstProduct!.id}`]) {
    await page.goto(path);
    await expect(page, `${path} is refused`).toHaveURL(/\/forbidden$/);
    await expect(page.getByText("You do not have permission to open this page")).toBeVisible();
    await expect(page.getByText("403", { exact: true })).toBeVisible();
  }

  const origin = new URL(baseURL!).origin;
  const res = await page.request.post("/api/v1/environments", {
    headers: { Origin: origin },
    data: { name: unique("viewer-env") },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
});

test("signing in works in Chinese", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await pickFromDropdown(page, page.getByLabel("Language"), "简体中文");
  // antd spaces out a two-character Chinese button label: "登 录"
  await expect(page.getByRole("button", { name: /^登\s?录$/ })).toBeVisible();
  await expect(page.getByText("登录 tao")).toBeVisible();

  await page.getByLabel("用户名").fill(DEMO_USERS.admin.username);
  await page.getByLabel("密码").fill(DEMO_USERS.admin.password);
  await page.getByRole("button", { name: /^登\s?录$/ }).click();
  await expect(page.getByTestId("user-menu")).toContainText("管理员");
  await page.goto("/settings/environments");
  await expect(page.getByRole("button", { name: /新\s?建/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "受保护" })).toBeVisible();
});

test("a deployer cannot open admin settings either", async ({ page }) => {
  await signIn(page, DEMO_USERS.qa.username, DEMO_USERS.qa.password);
  await expect(page.getByTestId("user-menu")).toContainText("Deployer");
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/forbidden$/);
});
