import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Importing the real files and rendering PDFs takes seconds on a busy two-core machine.
    testTimeout: 30_000,
    include: ["src/**/*.test.ts"],
  },
});
