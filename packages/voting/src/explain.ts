// Helpers for the plain-English explanation: titles not ids, short lists, plurals.
import type { VoteConfig } from "./types.js";

export function titleOf(config: VoteConfig, id: string): string {
  return config.candidates.find((c) => c.id === id)?.title ?? id;
}

/** "A", "A and B", "A, B and C". */
export function listTitles(config: VoteConfig, ids: readonly string[]): string {
  const titles = ids.map((id) => titleOf(config, id));
  if (titles.length <= 1) return titles.join("");
  return `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
}

export function plural(n: number | string, one: string, many = `${one}s`): string {
  return `${n} ${String(n) === "1" ? one : many}`;
}

/** Index of each candidate in the order raised; used for stable, documented ordering. */
export function raisedOrder(config: VoteConfig): Map<string, number> {
  return new Map(config.candidates.map((c, i) => [c.id, i]));
}

export const rejectedSentence = (n: number): string =>
  n === 1
    ? "1 ballot could not be counted because it was not valid."
    : `${n} ballots could not be counted because they were not valid.`;
