import { type CatalogueTree, chooseLanguage, type LanguageInfo, languageOf, SOURCE_LANGUAGE } from "@wardpanel/i18n";
import en from "@wardpanel/i18n/locales/en.json";
import type { ForceWords } from "@wardpanel/validators";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";

/**
 * The web app's languages (decision 0025): each catalogue in packages/i18n/locales/ is a language
 * on offer, found by file name, so adding a language adds a file and no code. English is bundled
 * (it is the fallback for any missing message); each other catalogue is its own chunk, fetched
 * when chosen. Only each file's `language` block is bundled up front, for the language switch.
 */
const CATALOGUES = "../../../../packages/i18n/locales/";
const loaders = import.meta.glob<CatalogueTree>(
  ["../../../../packages/i18n/locales/*.json", "!../../../../packages/i18n/locales/en.json"],
  { import: "default" },
);
const blocks = import.meta.glob<CatalogueTree>("../../../../packages/i18n/locales/*.json", {
  import: "language",
  eager: true,
});
const codeOf = (path: string) => path.slice(CATALOGUES.length, -".json".length);

/** The languages on offer, English first: each with its own name for the switch. */
export const LANGUAGES: LanguageInfo[] = Object.entries(blocks)
  .map(([path, language]) => languageOf(codeOf(path), { language }))
  .sort((a, b) => (a.code === SOURCE_LANGUAGE ? -1 : b.code === SOURCE_LANGUAGE ? 1 : a.name.localeCompare(b.name)));

/** Where a person's choice is remembered in this browser. */
const REMEMBERED = "wardpanel.language";

/** Which force's words (`force` or `forceElsewhere` in each catalogue) the pages use; London's until the site says. */
let forceWords: ForceWords = "london";
const catalogues = new Map<string, CatalogueTree>([[SOURCE_LANGUAGE, en]]);

/** Puts the chosen force's words (team name, "borough" or "district") under `force` in a language's bundle. */
function applyWordsTo(code: string) {
  const tree = catalogues.get(code);
  const words = tree?.[forceWords === "london" ? "force" : "forceElsewhere"];
  if (words) i18next.addResourceBundle(code, "translation", { force: words }, true, true);
}

async function load(code: string) {
  if (i18next.hasResourceBundle(code, "translation")) return;
  const loader = loaders[`${CATALOGUES}${code}.json`];
  if (!loader) return;
  const tree = await loader();
  catalogues.set(code, tree);
  i18next.addResourceBundle(code, "translation", tree);
  applyWordsTo(code);
}

/**
 * Words the pages as the deployment's force does (issue 13): "Safer Neighbourhoods Team" and
 * "borough" for London's forces, "Neighbourhood Policing Team" and "district" elsewhere. Pages
 * already drawn are drawn again in the new words.
 */
export async function setForceWords(words: ForceWords): Promise<void> {
  if (words === forceWords) return;
  forceWords = words;
  for (const code of catalogues.keys()) applyWordsTo(code);
  await i18next.changeLanguage(i18next.language);
}

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null; // storage refused (private mode): the choice lasts for this page only
  }
}

/**
 * Starts translation before the first render: the language from `?lang=`, else the one chosen
 * before in this browser, else the browser's own preferences, else English.
 */
export async function startI18n(): Promise<void> {
  const language = chooseLanguage(
    LANGUAGES.map(({ code }) => code),
    [new URLSearchParams(location.search).get("lang"), remembered(), ...navigator.languages],
  );
  await i18next.use(initReactI18next).init({
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    resources: { [SOURCE_LANGUAGE]: { translation: en } },
    // React escapes what it renders; escaping here as well would show "&amp;".
    interpolation: { escapeValue: false },
  });
  await switchLanguage(language, { remember: false });
}

/** Shows the app in another language at once, and remembers the choice in this browser. */
export async function switchLanguage(code: string, { remember = true } = {}): Promise<void> {
  await load(code);
  await i18next.changeLanguage(code);
  document.documentElement.lang = code;
  if (remember)
    try {
      localStorage.setItem(REMEMBERED, code);
    } catch {
      // storage refused: the choice still holds until the page is left
    }
}
