import { expect, type Page, test } from "@playwright/test";
import { readTestbed } from "../lib/demo/testbed";
import {
  chooseOption,
  formItem,
  openDrawer,
  pickFromDropdown,
  saveDrawer,
  signInAs,
  unique,
} from "./fixtures";

/** Cookie-authenticated writes need an Origin header equal to the host. */
async function apiPost<T>(page: Page, baseURL: string | undefined, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { headers: { Origin: new URL(baseURL!).origin }, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, "admin");
});

test("a product gets a component with run options and a release of it", async ({ page }) => {
  test.slow(); // many round trips: product, component, its edit form, two releases
  const product = unique("e2e-product");

  await page.goto("/settings/products");
  await page.getByRole("button", { name: "Create" }).click();
  let drawer = openDrawer(page);
  await drawer.getByLabel("Name", { exact: true }).fill(product);
  await drawer.getByLabel("Description").fill("Made by the settings spec");
  await saveDrawer(page);
  await page.getByRole("link", { name: product }).click();
  await expect(page).toHaveURL(/\/settings\/products\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: product })).toBeVisible();
  await expect(page.getByText("No components yet")).toBeVisible();

  // a component with an env var and an HTTP health check
  await page.getByRole("button", { name: "Add component" }).click();
  drawer = openDrawer(page);
  await drawer.getByLabel("Name", { exact: true }).fill("web");
  await drawer.getByLabel("Image repository").fill("127.0.0.1:5005/e2e/web");
  await chooseOption(page, drawer, "Layer", "Application");
  await chooseOption(page, drawer, "Kind", "HTTP request succeeds");
  await drawer.getByLabel("URL").fill("http://127.0.0.1:8080/health");
  await drawer.getByLabel("Expected status").fill("200");
  await drawer.getByRole("button", { name: "Add variable" }).click();
  await drawer.getByTestId("env-key-0").fill("LOG_LEVEL");
  await drawer.getByTestId("env-value-0").fill("debug");
  await drawer.getByLabel("Memory limit").fill("512m");
  await saveDrawer(page);

  const componentRow = page.locator("tr", { hasText: "127.0.0.1:5005/e2e/web" });
  await expect(componentRow).toContainText("web");
  await expect(componentRow).toContainText("HTTP http://127.0.0.1:8080/health → 200");
  await expect(componentRow).toContainText("Application");

  // the run options were stored: the edit form shows them again
  await page.getByRole("button", { name: "Edit web" }).click();
  drawer = openDrawer(page);
  await expect(drawer.getByTestId("env-key-0")).toHaveValue("LOG_LEVEL");
  await expect(drawer.getByTestId("env-value-0")).toHaveValue("debug");
  await expect(drawer.getByLabel("Memory limit")).toHaveValue("512m");
  await expect(drawer.getByLabel("URL")).toHaveValue("http://127.0.0.1:8080/health");
  await drawer.getByRole("button", { name: "Cancel" }).click();
  await expect(openDrawer(page)).toHaveCount(0);

  // a release with the component's tag
  await page.getByRole("tab", { name: /Releases/ }).click();
  await page.getByRole("button", { name: "Create release" }).click();
  drawer = openDrawer(page);
  await drawer.getByLabel("Version").fill("v1.0.0");
  await chooseOption(page, drawer, "Status", "Released");
  await drawer.getByLabel("Tag web").fill("v1.0.0-rc1");
  await saveDrawer(page);
  const releaseRow = page.locator("tr", { hasText: "v1.0.0" });
  await expect(releaseRow).toContainText("web: v1.0.0-rc1");
  await expect(releaseRow).toContainText("Released");

  // "Copy tags from release…" pre-fills the next one
  await page.getByRole("button", { name: "Create release" }).click();
  drawer = openDrawer(page);
  await drawer.getByLabel("Version").fill("v1.0.1");
  await pickFromDropdown(page, drawer.getByLabel("Copy tags from release…"), "v1.0.0");
  await expect(drawer.getByLabel("Tag web")).toHaveValue("v1.0.0-rc1");
  await saveDrawer(page);
  await expect(page.locator("tr", { hasText: "v1.0.1" })).toContainText("web: v1.0.0-rc1");
  await expect(page.getByRole("tab", { name: "Releases (2)" })).toBeVisible();
});

test("the server's validation message shows next to the field", async ({ page, baseURL }) => {
  const product = await apiPost<{ id: string }>(page, baseURL, "/api/v1/products", {
    name: unique("e2e-invalid"),
  });
  await page.goto(`/settings/products/${product.id}`);
  await page.getByRole("button", { name: "Add component" }).click();
  const drawer = openDrawer(page);
  await drawer.getByLabel("Name", { exact: true }).fill("api");
  await drawer.getByLabel("Image repository").fill("Bad Image");
  await drawer.getByRole("button", { name: "Save" }).click();
  await expect(formItem(drawer, "Image repository").locator(".ant-form-item-explain-error")).toContainText(
    "Not a valid image repository",
  );
  await expect(drawer).toBeVisible(); // still open, nothing saved
  await expect(formItem(drawer, "Name").locator(".ant-form-item-explain-error")).toHaveCount(0);

  // fixing the field and saving again works
  await drawer.getByLabel("Image repository").fill("127.0.0.1:5005/e2e/api");
  await saveDrawer(page);
  await expect(page.locator("tr", { hasText: "127.0.0.1:5005/e2e/api" })).toBeVisible();
});

test("a product that still has components cannot be deleted; the reason is shown", async ({
  page,
  baseURL,
}) => {
  const name = unique("e2e-busy");
  const product = await apiPost<{ id: string }>(page, baseURL, "/api/v1/products", { name });
  await apiPost(page, baseURL, "/api/v1/components", {
    productId: product.id,
    name: "worker",
    image: "127.0.0.1:5005/e2e/worker",
  });
  await page.goto("/settings/products");
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page.locator(".ant-popconfirm:visible").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(`"${name}" still has 1 component(s)`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("registry passwords never reach the page; an empty password field keeps the stored one", async ({
  page,
}) => {
  const name = unique("e2e-registry");
  const password = unique("Secret-Password");
  const seeded = readTestbed().registry.password;

  await page.goto("/settings/registries");
  await expect(page.locator("tr", { hasText: "testbed" }).getByTestId("secret-set")).toBeVisible();
  await page.getByRole("button", { name: "Create" }).click();
  let drawer = openDrawer(page);
  await drawer.getByLabel("Name", { exact: true }).fill(name);
  await drawer.getByLabel("Address").fill("registry.e2e.local:5000");
  await drawer.getByLabel("Username", { exact: true }).fill("e2e");
  await drawer.getByLabel("Password").fill(password);
  await saveDrawer(page);
  const row = page.locator("tr", { hasText: name });
  await expect(row.getByTestId("secret-set")).toHaveText("set");
  let html = await page.content();
  expect(html.includes(password), "the new password is in the page").toBe(false);
  expect(html.includes(seeded), "the seeded password is in the page").toBe(false);

  // edit, leave the password empty, save: still set
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  drawer = openDrawer(page);
  await expect(drawer.getByLabel(/Password/)).toHaveValue("");
  await expect(drawer).toContainText("Leave empty to keep the stored value");
  await drawer.getByLabel("Username", { exact: true }).fill("e2e-changed");
  await saveDrawer(page);
  await expect(row).toContainText("e2e-changed");
  await expect(row.getByTestId("secret-set")).toHaveText("set");

  await page.reload();
  await expect(page.locator("tr", { hasText: name }).getByTestId("secret-set")).toHaveText("set");
  html = await page.content();
  expect(html.includes(password), "the new password is in the page").toBe(false);
  expect(html.includes(seeded), "the seeded password is in the page").toBe(false);
  const api = await page.request.get("/api/v1/registries");
  const body = await api.text();
  expect(body.includes(password), "the API answer has the password").toBe(false);
  const stored = (JSON.parse(body) as { items: { name: string; passwordSet: boolean }[] }).items;
  expect(stored.find((r) => r.name === name)?.passwordSet).toBe(true);
});
