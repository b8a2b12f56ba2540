import base from "@wardpanel/tooling/vitest";
import { mergeConfig } from "vitest/config";

export default mergeConfig(base, { test: { include: ["src/**/*.test.ts"] } });
