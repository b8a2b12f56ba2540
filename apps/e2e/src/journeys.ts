import type { Db } from "@wardpanel/db/client";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeEach, test } from "vitest";

import { type App, startAppWith } from "./app-server";
import { launchBrowser, screenshot } from "./browser";

/**
 * One Chromium per test worker (one process runs the files in turn), closed when the worker ends.
 * vitest reads a fixture's dependencies from its first parameter's pattern; the browser has none.
 */
// eslint-disable-next-line no-empty-pattern
const withBrowser = test.extend("browser", { scope: "worker" }, async ({}, { onCleanup }) => {
  const browser = await launchBrowser();
  onCleanup(() => browser.close());
  return browser;
});

type Journeys = {
  /** The server, started once for the file on the database `seed` filled. */
  readonly app: App;
  readonly browser: Browser;
  /** This test's browser context: no cookies or storage from any other test. */
  readonly context: BrowserContext;
  /** This test's page, in `context`. */
  readonly page: Page;
  /** A page for someone else (their own context), closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
};

type Options = {
  /** Added to the server's environment; called when the server starts, after the file's own `beforeAll`s. */
  env?: () => Record<string, string>;
  /** For every test's context, beside `baseURL`. */
  context?: BrowserContextOptions;
};

/**
 * The set-up every browser journey shares, called once at the top of a file's `describe`: the
 * real server on a database `seed` fills, and for each test a fresh context and page, with a
 * screenshot kept under test-results/ when the test fails. Each test must make sense alone: seed
 * what it reads, and change only what no other test reads.
 */
export function setUpJourneys(seed: (db: Db) => Promise<void> | void, options: Options = {}): Journeys {
  let browser: Browser | undefined;
  let app: App | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  /** Every context and page the running test opened, its own first. */
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  const present = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up only while a test runs`);
    return value;
  };
  const open = async (extra: BrowserContextOptions = {}) => {
    const made = await present(browser, "the browser").newContext({
      baseURL: present(app, "the app").url,
      ...options.context,
      ...extra,
    });
    contexts.push(made);
    const madePage = await made.newPage();
    pages.push(madePage);
    return { context: made, page: madePage };
  };

  withBrowser.beforeAll(async ({ browser: shared }) => {
    browser = shared;
    app = await startAppWith(seed, options.env?.());
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(async () => {
    ({ context, page } = await open());
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") {
      const name = `failed-${task.name.replace(/\W+/g, "-").slice(0, 80)}`;
      for (const [i, failed] of pages.entries())
        await screenshot(failed, i === 0 ? name : `${name}-${i + 1}`).catch(() => undefined);
    }
    for (const made of contexts.splice(0)) await made.close();
    pages.length = 0;
    context = undefined;
    page = undefined;
  });

  return {
    get app() {
      return present(app, "the app");
    },
    get browser() {
      return present(browser, "the browser");
    },
    get context() {
      return present(context, "the context");
    },
    get page() {
      return present(page, "the page");
    },
    async newPage(extra) {
      return (await open(extra)).page;
    },
  };
}
