import { mergeConfig } from "vitest/config";
import base from "../../tooling/vitest/base";

export default mergeConfig(base, { test: { include: ["src/**/*.test.ts"] } });
