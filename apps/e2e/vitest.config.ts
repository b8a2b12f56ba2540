import base from "@wardpanel/tooling/vitest";
import { mergeConfig } from "vitest/config";

export default mergeConfig(base, {
  test: {
    include: ["tests/**/*.test.ts"],
    // Bounds for a hung journey, not speed checks: a busy 2-core machine runs them several times slower.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits for what a person would wait for (a page after signing in, a saved note);
    // its default of 1 s fails correct journeys on a loaded machine.
    expect: { poll: { timeout: 30_000, interval: 50 } },
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
  },
});
