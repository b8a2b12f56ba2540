import type { ViteUserConfig } from "vitest/config";

/** The shared test settings in base.js. */
declare const base: ViteUserConfig;
export default base;
