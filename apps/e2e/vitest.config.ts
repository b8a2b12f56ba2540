import base from "@wardpanel/tooling/vitest";
import { mergeConfig } from "vitest/config";

export default mergeConfig(base, {
  test: {
    include: ["tests/**/*.test.ts"],
    // A journey is many round trips to a real server and browser: on a two-core machine running
    // other packages' tests, each can take seconds. These are ceilings; a passing wait returns at
    // once (polls every 50 ms).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 15_000 } },
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
  },
});
