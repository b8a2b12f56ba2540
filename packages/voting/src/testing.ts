// Test helpers: build configs and repeated ballots tersely. Not exported from index.ts.
import { appendEntry, type ChainEntry } from "./chain.js";
import {
  buildRecord,
  closedPayload,
  countFromEntries,
  electorateSnapshot,
  trackersPayload,
  type VoteRecord,
} from "./record.js";
import type { Ballot, Tally } from "./types.js";
import type { Candidate, TieBreak, VoteConfig, VoteMethod } from "./types.js";

export function makeConfig(
  method: VoteMethod,
  titles: readonly string[],
  overrides: Partial<Omit<VoteConfig, "method" | "candidates">> = {},
): VoteConfig {
  const candidates: Candidate[] = titles.map((title) => ({
    id: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    title,
  }));
  return {
    method,
    seats: 3,
    ballotSecrecy: "secret",
    tieBreak: "earliest-raised" as TieBreak,
    candidates,
    ...overrides,
  };
}

/** `times(4, { ranking: ["a"] })` → four copies. */
export function times<T>(n: number, ballot: T): T[] {
  return Array.from({ length: n }, () => structuredClone(ballot));
}

/**
 * Builds an honest, closed record the way the server would: opened, ballots, tallies, closed.
 * With `castTrackers` (secret votes), also the "trackers" entry before "closed" (version 3).
 */
export function honestRecord(
  config: VoteConfig,
  ballots: readonly Ballot[],
  tallies: readonly Tally[] = [],
  extraVoters = 0,
  castTrackers?: readonly string[],
): VoteRecord {
  const voteId = "vote-1";
  const ward = { code: "E05000138", name: "Test Ward" };
  const hands = tallies.reduce((s, t) => s + t.voters, 0);
  const voters = Array.from({ length: ballots.length + hands + extraVoters }, (_, i) => ({
    id: `member-${i}`,
    name: `Member ${i}`,
  }));
  const opened = electorateSnapshot({ voteId, ward, config, voters, tokenSecret: "server-secret" });
  let entries: ChainEntry[] = appendEntry([], "opened", opened, "2025-01-06T19:00:00.000Z");
  ballots.forEach((ballot, i) => {
    const voter = opened.electorate[i]?.voter ?? "";
    const name = config.ballotSecrecy === "open" ? { voterName: opened.electorate[i]?.name } : {};
    entries = appendEntry(
      entries,
      "ballot",
      { voter, ...name, source: "online", ballot },
      `2025-01-06T19:${String(1 + (i % 58)).padStart(2, "0")}:00.000Z`,
    );
  });
  for (const tally of tallies)
    entries = appendEntry(entries, "tally", { source: "show-of-hands", tally }, "2025-01-06T19:59:00.000Z");
  if (castTrackers)
    entries = appendEntry(entries, "trackers", trackersPayload(castTrackers), "2025-01-06T20:00:00.000Z");
  entries = appendEntry(entries, "closed", closedPayload(entries), "2025-01-06T20:00:00.000Z");
  return buildRecord({ voteId, ward, config, entries, result: countFromEntries(config, entries) });
}
