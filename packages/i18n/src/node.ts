import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createInstance, type TFunction } from "i18next";

import { type CatalogueTree, SOURCE_LANGUAGE } from "./catalogue";

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

let catalogues: Record<string, CatalogueTree> | null = null;
const translators = new Map<string, TFunction>();

/** The language codes with a catalogue, read once from the locales directory. */
export function availableLanguages(): string[] {
  catalogues ??= readCatalogues();
  return Object.keys(catalogues);
}

/**
 * A translate function for e-mails and PDFs in one language (a catalogue code; one without a
 * catalogue, or a missing message, falls back to English), in the words of a force's area:
 * `"london"` (the default: "Safer Neighbourhoods Team", "borough") or `"elsewhere"`
 * ("Neighbourhood Policing Team", "district"; the catalogues' `forceElsewhere`). Built once each.
 */
export function translatorFor(code: string, words: "london" | "elsewhere" = "london"): TFunction {
  const known = translators.get(`${code} ${words}`);
  if (known) return known;
  catalogues ??= readCatalogues();
  const instance = createInstance();
  const withWords = (tree: CatalogueTree): CatalogueTree =>
    words === "elsewhere" && tree.forceElsewhere ? { ...tree, force: tree.forceElsewhere } : tree;
  void instance.init({
    lng: code,
    fallbackLng: SOURCE_LANGUAGE,
    resources: Object.fromEntries(
      Object.entries(catalogues).map(([lng, tree]) => [lng, { translation: withWords(tree) }]),
    ),
    initAsync: false, // the resources are here already: ready on return
    interpolation: { escapeValue: false }, // callers escape for HTML where they put text into it
  });
  translators.set(`${code} ${words}`, instance.t);
  return instance.t;
}
