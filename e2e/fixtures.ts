import { expect, type Locator, type Page } from "@playwright/test";
import type { DEMO_USERS as SEEDED_USERS } from "../lib/demo/seed-demo";

// Shared helpers of the end-to-end specs. The server they run against is seeded with the demo data
// (scripts/e2e/serve.sh → lib/demo/seed-demo.ts).

type DemoUser = (typeof SEEDED_USERS)[number];

/**
 * The demo users, one per role. Typed from the seed so a changed password fails to compile here;
 * not imported as a value because the seed module opens the database when it loads.
 */
export const DEMO_USERS = {
  admin: { username: "admin", role: "admin", displayName: "Admin", password: "tao-admin-demo" },
  qa: { username: "qa", role: "deployer", displayName: "QA", password: "tao-qa-demo" },
  viewer: { username: "viewer", role: "viewer", displayName: "Viewer", password: "tao-viewer-demo" },
} as const satisfies Record<string, DemoUser>;

export const SESSION_COOKIE = "tao_session";

/** A name no earlier run used: the database is fresh per run, but a spec may be re-run against it. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Signs in through the login form and waits until the portal shows the user's menu. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(username);
}

export async function signInAs(page: Page, who: keyof typeof DEMO_USERS): Promise<void> {
  const user = DEMO_USERS[who];
  await signIn(page, user.username, user.password);
}

/** The drawer that is open now (antd keeps closed ones in the page). */
export function openDrawer(page: Page): Locator {
  return page.locator(".ant-drawer-open .ant-drawer-section");
}

/** Clicks Save in the open drawer and waits for it to close (the save succeeded). */
export async function saveDrawer(page: Page): Promise<void> {
  const drawer = openDrawer(page);
  await drawer.getByRole("button", { name: "Save" }).click();
  await expect(drawer).toHaveCount(0);
}

/** Picks an option of an antd Select found by its form label inside `scope`. */
export async function chooseOption(
  page: Page,
  scope: Locator,
  label: string,
  option: string | RegExp,
): Promise<void> {
  const trigger = scope.getByLabel(label, { exact: true });
  const select = trigger.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  // The pick counts once the select shows it (a click during a re-render can be lost).
  await expect(async () => {
    await pickFromDropdown(page, trigger, option);
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/**
 * Opens a select by clicking `trigger` and clicks `option` in its dropdown. Retried: on a busy
 * machine a click that lands while the drawer still slides in can leave the dropdown closed.
 */
export async function pickFromDropdown(page: Page, trigger: Locator, option: string | RegExp): Promise<void> {
  const item = page.locator(".ant-select-dropdown:visible").getByTitle(option, { exact: true });
  await expect(async () => {
    if (!(await item.isVisible())) await trigger.click();
    await item.click({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
}

/** The antd form item (label, input and its messages) whose label is `label`. */
export function formItem(scope: Locator, label: string): Locator {
  return scope.locator(".ant-form-item").filter({
    has: scope.page().locator(".ant-form-item-label label", { hasText: new RegExp(`^${escapeRe(label)}`) }),
  });
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
