import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { CatalogueTree } from "./catalogue";

/** Where the catalogues live: `packages/i18n/locales/`, one `<code>.json` per language. */
export const LOCALES_DIRECTORY = fileURLToPath(new URL("../locales", import.meta.url));

/**
 * Every catalogue in the locales directory, keyed by language code: adding a language is adding
 * its file, with no code to change. Throws naming the file when one is not valid JSON.
 */
export function readCatalogues(directory = LOCALES_DIRECTORY): Record<string, CatalogueTree> {
  const catalogues: Record<string, CatalogueTree> = {};
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const path = join(directory, file);
    try {
      catalogues[basename(file, ".json")] = JSON.parse(readFileSync(path, "utf8")) as CatalogueTree;
    } catch (error) {
      throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return catalogues;
}
