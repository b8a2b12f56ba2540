import { defineConfig } from "vitest/config";

/**
 * Shared by every package's tests. CI machines have two cores and run two packages' tests at
 * once; tests that open a database with all 704 wards or spawn a process can take seconds there,
 * and a slow machine must not fail a correct test. The bound only stops a hung test; speed is
 * measured by `pnpm bench`, never by a timeout.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
