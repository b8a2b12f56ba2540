import { defineConfig } from "vitest/config";

/**
 * Shared by every package's tests, as `@wardpanel/tooling/vitest` (plain JavaScript, so Node loads
 * it as it is: vitest bundles only a package's own config file). CI machines have two cores and run
 * two packages' tests at once; tests that open a database with all 704 wards or spawn a process
 * can take seconds there, and a slow machine must not fail a correct test.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
