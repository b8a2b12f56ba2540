import tseslint from "typescript-eslint";

import config from "./index.js";

/**
 * The house rules without types, for `pnpm fix`. Every rule whose fixes we apply (import order,
 * type imports) reads syntax only, and typed `--fix` types each fixed file again: minutes instead
 * of seconds. `pnpm check` then runs the full typed rules.
 */
export default tseslint.config(...config, {
  files: ["**/*.{ts,tsx}"],
  ...tseslint.configs.disableTypeChecked,
  languageOptions: { parserOptions: { project: false, projectService: false } },
});
