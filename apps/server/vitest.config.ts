import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Process tests start the real server, which migrates and seeds before it answers.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
