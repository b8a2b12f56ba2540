import base from "@wardpanel/tooling/vitest";
import { mergeConfig } from "vitest/config";

export default mergeConfig(base, {
  test: {
    // Process tests start the real server, which migrates and seeds the demo before it answers:
    // about 20 s on a quiet 2-core machine, several times that while other packages' tests run.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
