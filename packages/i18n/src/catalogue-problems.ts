import { type CatalogueTree, flatten } from "./catalogue";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

const CLDR_ORDER = ["zero", "one", "two", "few", "many", "other"];

/** CLDR plural categories of a language (Intl.PluralRules), in CLDR order: ["one", "other"] for English, six for Welsh. */
export function pluralCategories(code: string): string[] {
  return [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort(
    (a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b),
  );
}

const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();

/** Messages keyed by their base key: plural forms grouped under the key without its suffix. */
function messagesOf(tree: CatalogueTree): Map<string, Map<string | null, string>> {
  const messages = new Map<string, Map<string | null, string>>();
  for (const [key, text] of flatten(tree)) {
    const plural = PLURAL_SUFFIX.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    const forms = messages.get(base) ?? new Map<string | null, string>();
    forms.set(plural?.[1] ?? null, text);
    messages.set(base, forms);
  }
  return messages;
}

/**
 * What is wrong with a translation, checked against the source catalogue: each problem is one
 * sentence naming the catalogue file and the key. A message is missing, empty, not in the source
 * (left over), missing a plural form the language needs, or uses different `{{placeholders}}`.
 * An empty list means the catalogue is complete.
 */
export function catalogueProblems(source: CatalogueTree, code: string, target: CatalogueTree): string[] {
  const problems: string[] = [];
  const wanted = messagesOf(source);
  const given = messagesOf(target);
  const categories = pluralCategories(code);
  for (const [key, sourceForms] of wanted) {
    const forms = given.get(key);
    if (!forms) {
      problems.push(`${code}.json is missing "${key}".`);
      continue;
    }
    const isPlural = !sourceForms.has(null);
    const expected: (string | null)[] = isPlural ? categories : [null];
    for (const form of expected) {
      const text = forms.get(form);
      const name = form ? `${key}_${form}` : key;
      if (text === undefined) problems.push(`${code}.json is missing "${name}".`);
      else if (text.trim() === "") problems.push(`${code}.json has an empty "${name}".`);
      else {
        const want = placeholders(sourceForms.get(form) ?? sourceForms.get("other") ?? "");
        const have = placeholders(text);
        // A plural form may leave out {{count}} ("one ward"); every other placeholder must be there.
        const missing = want.filter((name) => !have.includes(name) && !(isPlural && name === "count"));
        const unknown = have.filter((name) => !want.includes(name) && !(isPlural && name === "count"));
        if (missing.length > 0 || unknown.length > 0)
          problems.push(
            `${code}.json "${name}" has placeholders {{${have.join("}}, {{")}}} but the source has {{${want.join("}}, {{")}}}.`,
          );
      }
    }
    for (const form of forms.keys())
      if (!expected.includes(form)) problems.push(`${code}.json has "${key}_${form ?? ""}" that ${code} does not use.`);
  }
  for (const key of given.keys())
    if (!wanted.has(key)) problems.push(`${code}.json has "${key}", which the source does not.`);
  return problems;
}
