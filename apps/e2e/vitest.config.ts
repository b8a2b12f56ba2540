import base from "@wardpanel/tooling/vitest";
import { mergeConfig } from "vitest/config";

export default mergeConfig(base, {
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
  },
});
