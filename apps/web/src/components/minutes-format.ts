import type { RouterOutputs } from "@wardpanel/api";

export type MinutesContent = RouterOutputs["publicMeeting"]["view"]["minutes"][number]["content"];

/** "a list of names" in plain English: "Ann, Bob and Cat". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
