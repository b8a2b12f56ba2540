import { SOURCE_LANGUAGE } from "@wardpanel/i18n";

import { LANGUAGES } from "../lib/i18n";

/** A language's English name for staff ("Welsh"), from its catalogue; the code itself for one without a catalogue. */
export function languageName(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.englishName ?? code;
}

/**
 * On a staff page (English), the language a resident wrote in when it is not English: "Written in
 * Welsh — reply in Welsh" (Welsh Language Standards: a reply in the language written in). Nothing
 * for English.
 */
export function WrittenIn({ language, className = "" }: { language: string; className?: string }) {
  if (language === SOURCE_LANGUAGE) return null;
  const name = languageName(language);
  return <p className={`font-bold ${className}`}>{`Written in ${name} — reply in ${name}`}</p>;
}
