import { TEST_PASSWORD } from "@wardpanel/db/testing";
import type { Page } from "playwright-core";

/**
 * Signs in through the real form, as a person would, and waits for their dashboard. Playwright's
 * own wait: it resolves as soon as the heading shows, and fails with what it was waiting for.
 */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Your wards" }).waitFor();
}
