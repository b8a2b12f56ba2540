import type { TFunction } from "i18next";

/**
 * The English role and rank words Ward Panel stores (officer ranks, `OFFICER_RANKS` in
 * @wardpanel/db; the agenda template's presenters; the demo's guests), longest first, with their
 * catalogue keys under `roleWords`. Stored values stay English; pages and packs word them at display.
 */
const PHRASES = [
  ["PCSO on the team", "roleWords.pcsoOnTheTeam"],
  ["Safer Neighbourhoods sergeant", "roleWords.sntSergeant"],
  ["Metropolitan Police", "roleWords.metropolitanPolice"],
  ["Police Constable", "roleWords.policeConstable"],
  ["Sergeant", "roleWords.sergeant"],
  ["PCSO", "roleWords.pcso"],
  ["Chair", "roleWords.chair"],
] as const;

const PATTERN = new RegExp(`\\b(${PHRASES.map(([phrase]) => phrase).join("|")})\\b`, "g");
const KEYS = new Map<string, (typeof PHRASES)[number][1]>(PHRASES);

/**
 * A stored role, rank or guest line in the reader's language: "Cyflwynydd: Cadeirydd" for
 * "Chair", "Rhingyll Plismona Bro (Heddlu Metropolitan)" for "Safer Neighbourhoods sergeant
 * (Metropolitan Police)". Only the known words (whole words, as stored) change; anything else a
 * person typed (a name, "Camden Council") is left as written. English text comes back unchanged.
 */
export function roleWords(t: TFunction, text: string): string {
  return text.replace(PATTERN, (phrase) => {
    const key = KEYS.get(phrase);
    return key ? t(key) : phrase;
  });
}

/**
 * An action's owner in the reader's language when it is one of the role words above as a whole
 * ("Chair", "PCSO on the team", "Sergeant"): "Cadeirydd", "SCCH yn y tîm". Anything else is a name
 * or words someone typed ("Camden Council", "Chair of the residents' association") and is left as
 * written.
 */
export function ownerWords(t: TFunction, owner: string): string {
  return KEYS.has(owner.trim()) ? roleWords(t, owner.trim()) : owner;
}
