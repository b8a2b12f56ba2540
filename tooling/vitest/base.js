import { defineConfig } from "vitest/config";

/**
 * Shared by every package's tests, as `@wardpanel/tooling/vitest` (plain JavaScript, so Node loads
 * it as it is: vitest bundles only a package's own config file). CI machines have two cores and run
 * two packages' tests at once; tests that spawn a process can take seconds there, and a slow
 * machine must not fail a correct test: the bound only stops a hung test; speed is measured by
 * `pnpm bench`, never by a timeout.
 *
 * `isolate: false`: a package's test files share one worker process (one per core beyond the
 * first) instead of each starting its own, so modules load once and `@wardpanel/db/testing`
 * builds its template database once. What our modules keep is fixed data read once (the wards
 * file, password hashes) and counters for unique names; each test opens its own database, server
 * or temporary folder, so sharing the process shares nothing a test could see.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    isolate: false,
  },
});
