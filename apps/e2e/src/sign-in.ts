import type { Page } from "playwright-core";
import { TEST_PASSWORD } from "@wardpanel/db/testing";
import { expect } from "vitest";

/** Signs in through the real form, as a person would, and waits for their dashboard. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Your wards" }).isVisible()).toBe(true);
}
