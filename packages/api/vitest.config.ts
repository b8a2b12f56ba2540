import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each test opens a fresh database with all 704 London wards; on a busy two-core CI machine
    // that can take seconds, so a slow machine must not fail a correct test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
