/** A ward's names as the public procedures give them: `nameWelsh` is null when the boundary file had none. */
export type WardNames = { name: string; nameWelsh?: string | null };

/** The name to show and the language it is in (a BCP 47 code, as `lang` takes it). */
export type ShownWardName = { text: string; lang: string };

/** The language ward names are stored in (ONS's `WDyyNM`). */
const ENGLISH = "en";
const WELSH = "cy";

/**
 * The ward's name for a page in `language` (a catalogue code: "en", "cy", …): on a Welsh page its
 * Welsh name where the boundary file gave one (ONS `WDyyNMW`), else its English name; on a page
 * in any other language, its English name. `lang` says which, so a page can mark a name whose
 * language differs from its own (WCAG 3.1.2).
 */
export function wardName(ward: WardNames, language: string): ShownWardName {
  const welsh = ward.nameWelsh?.trim();
  if (language === WELSH && welsh) return { text: welsh, lang: WELSH };
  return { text: ward.name, lang: ENGLISH };
}
