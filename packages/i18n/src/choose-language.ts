import { SOURCE_LANGUAGE } from "./catalogue";

/**
 * The language to use: the first preference whose primary subtag has a catalogue, in the order
 * given (an explicit `?lang=`, then the remembered choice, then the browser's or mail client's
 * `Accept-Language` list), else the source language. Tags are BCP 47 ("cy-GB" counts as "cy").
 */
export function chooseLanguage(
  available: readonly string[],
  preferences: readonly (string | null | undefined)[],
): string {
  for (const preference of preferences) {
    const primary = preference?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && available.includes(primary)) return primary;
  }
  return SOURCE_LANGUAGE;
}
