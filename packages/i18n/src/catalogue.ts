/**
 * A message catalogue: one JSON file per language in `packages/i18n/locales/` (`en.json`,
 * `cy.json`…), nested objects of strings in i18next's JSON v4 format. Placeholders are written
 * `{{name}}`; a message that depends on a count has one key per CLDR plural category of its
 * language (`wards_one`, `wards_other` in English; Welsh also has `_zero`, `_two`, `_few`,
 * `_many`). Every catalogue starts with `language`: what the language switch shows.
 */
export type CatalogueTree = { [key: string]: string | CatalogueTree };

export type LanguageInfo = {
  /** BCP 47 primary language subtag: "en", "cy". The catalogue's file name. */
  code: string;
  /** The language's own name for itself, shown in the switch ("Cymraeg"). */
  name: string;
  /** Its English name ("Welsh"), for staff and logs. */
  englishName: string;
  /** False until a fluent speaker has reviewed the translations (docs/translations.md). */
  reviewed: boolean;
};

/** The language every other catalogue is checked against, and the fallback for a missing message. */
export const SOURCE_LANGUAGE = "en";

/** Reads the `language` block of a catalogue; throws naming the file's code when it is malformed. */
export function languageOf(code: string, catalogue: CatalogueTree): LanguageInfo {
  const block = catalogue.language;
  if (typeof block !== "object" || typeof block.name !== "string" || typeof block.englishName !== "string")
    throw new Error(`Catalogue ${code}.json must start with "language": { "name", "englishName", "reviewed" }.`);
  return { code, name: block.name, englishName: block.englishName, reviewed: block.reviewed === "yes" };
}

/** The languages on offer, the source language first, then by English name. */
export function languagesOf(catalogues: Record<string, CatalogueTree>): LanguageInfo[] {
  return Object.entries(catalogues)
    .map(([code, catalogue]) => languageOf(code, catalogue))
    .sort((a, b) =>
      a.code === SOURCE_LANGUAGE ? -1 : b.code === SOURCE_LANGUAGE ? 1 : a.englishName.localeCompare(b.englishName),
    );
}

/** `{ a: { b: "x" } }` as `{ "a.b": "x" }`: the keys i18next looks up. */
export function flatten(tree: CatalogueTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}
