import { fileURLToPath } from "node:url";

import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Ward Panel's lint rules (decision 0016). Formatting is Prettier's job; these rules catch what a
 * reviewer would otherwise have to: promises nobody waits for, imports that drift, `!` that hides a
 * missing value, and settings read outside the one place that checks them.
 */

/**
 * Where `!` is allowed. Product code says what it expected with `defined(value, what)` from
 * `@wardpanel/validators`, which throws a named error; the feed's matcher is the one hot loop
 * where indices are proved in range and `pnpm bench` measures the cost of checking again. Tests
 * may assert with `!`: a wrong guess fails the test, which is what a test is for.
 */
const NON_NULL_ALLOWED = ["packages/priority-feed/src/match/**"];
const TEST_FILES = ["**/*.test.{ts,tsx}", "**/testing/**", "**/bench/**", "apps/e2e/**"];

/**
 * The only modules that read the process environment: the server's settings (each parsed and
 * checked in one place), the dev proxy (which follows the server's PORT), the feed's command line,
 * and tests, which set up the processes they spawn.
 */
const ENV_READERS = [
  "apps/server/src/env.ts",
  "apps/server/src/invocation-path.ts",
  "apps/web/vite.config.ts",
  "packages/priority-feed/src/cli/main.ts",
  ...TEST_FILES,
];

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/drizzle/**", "**/coverage/**", "**/test-results/**", "**/*.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      // The same four programs `pnpm test` typechecks (root tsconfig.json is the server side): one
      // program per tsconfig, so each file's types are worked out once.
      parserOptions: {
        project: [
          "./tsconfig.json",
          "./apps/web/tsconfig.json",
          "./apps/e2e/tsconfig.json",
          "./packages/priority-feed/tsconfig.json",
        ],
        tsconfigRootDir: fileURLToPath(new URL("../..", import.meta.url)),
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // JSX event handlers may return a promise: React ignores the value, and react-hook-form's
      // handleSubmit returns one by design.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings in apps/server/src/env.ts and pass them in." },
      ],
      eqeqeq: ["error", "smart"],
    },
  },
  { files: [...NON_NULL_ALLOWED, ...TEST_FILES], rules: { "@typescript-eslint/no-non-null-assertion": "off" } },
  { files: ENV_READERS, rules: { "no-restricted-properties": "off" } },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Warns that react-hook-form's watch() cannot be memoised by the React Compiler; the app is
      // built without the compiler, so the warning describes a cost we do not pay.
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // Plain JavaScript config and tooling files are not in any tsconfig: lint them without types.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
);
