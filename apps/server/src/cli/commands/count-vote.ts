import { readFile } from "node:fs/promises";

import { defined } from "@wardpanel/validators";
import {
  BltError,
  bltToVote,
  countVote,
  readBlt,
  type Round,
  type TieBreak,
  type VoteConfig,
  type VoteResult,
} from "@wardpanel/voting";

import { CliUsageError, type Command } from "../command";

const USAGE =
  "Usage: pnpm cli count-vote <ballots.blt> [--tie-break earliest-raised|random-seeded] [--seed <text>] [--json]";

/**
 * `pnpm cli count-vote <ballots.blt>`: counts a BLT ballot file (a Ward Panel export from
 * `/votes/{id}/ballots.blt`, or any election's) under the Scottish STV rules and prints every
 * round (each candidate's votes to 5 decimal places, what moved, the non-transferable votes and
 * the votes lost to rounding, so each round adds up to the valid ballots) and the winners.
 * `--json` prints the whole result instead, with candidate ids `candidate-<number in the file>`.
 * Ties the rules cannot settle go to `--tie-break` (default earliest-raised: the candidate listed
 * first is favoured); `--seed` seeds random-seeded. No database, no server.
 */
export const countVoteCommand: Command = {
  async run(args, cli) {
    const { path, tieBreak, seed, json } = parseArgs(args);
    let text: Buffer;
    try {
      text = await readFile(path);
    } catch (error) {
      cli.printError(`Cannot read ${path}: ${(error as Error).message}`);
      return 1;
    }
    let vote: ReturnType<typeof bltToVote>;
    let title: string;
    let withdrawn: string[];
    try {
      const election = readBlt(text);
      vote = bltToVote(election, tieBreak);
      title = election.title;
      withdrawn = election.withdrawn.map((n) => election.candidates[n - 1] ?? `${n}`);
    } catch (error) {
      if (!(error instanceof BltError)) throw error;
      cli.printError(`${path} is not a BLT file this counter can read. ${error.message}`);
      return 1;
    }
    const result = countVote(vote.config, vote.ballots, { seed });
    if (json) {
      cli.print(JSON.stringify(result, null, 2));
      return 0;
    }
    for (const line of describeCount(title, vote.config, result, withdrawn)) cli.print(line);
    return 0;
  },
};

function parseArgs(args: string[]): { path: string; tieBreak: TieBreak; seed: string; json: boolean } {
  let path: string | undefined;
  let tieBreak: TieBreak = "earliest-raised";
  let seed = "";
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") json = true;
    else if (arg === "--tie-break") {
      const value = args[++i];
      if (value !== "earliest-raised" && value !== "random-seeded") throw new CliUsageError(USAGE);
      tieBreak = value;
    } else if (arg === "--seed") {
      const value = args[++i];
      if (value === undefined) throw new CliUsageError(USAGE);
      seed = value;
    } else if (arg !== undefined && !arg.startsWith("--") && path === undefined) path = arg;
    else throw new CliUsageError(USAGE);
  }
  if (path === undefined) throw new CliUsageError(USAGE);
  if (tieBreak === "random-seeded" && !seed)
    throw new CliUsageError(`${USAGE}\n--tie-break random-seeded needs --seed.`);
  return { path, tieBreak, seed, json };
}

const votes = (n: number) => n.toFixed(5);
const ACTION: Record<Round["action"], string> = {
  count: "count",
  "first-preferences": "first preferences",
  surplus: "surplus moved",
  exclusion: "excluded, votes moved",
};

/** The count as lines of text: the settings, each round's figures, the ties and the winners. */
export function describeCount(title: string, config: VoteConfig, result: VoteResult, withdrawn: string[]): string[] {
  const name = new Map(config.candidates.map((c) => [c.id, c.title]));
  const nameOf = (id: string) => defined(name.get(id), "a candidate's name");
  const width = Math.max(...config.candidates.map((c) => c.title.length), "Lost to rounding".length);
  const row = (label: string, value: string, moved = "") => `  ${label.padEnd(width)}  ${value.padStart(12)}${moved}`;
  const lines = [
    `${title || "(untitled election)"}: ${result.rules}`,
    `${config.candidates.length} candidates${withdrawn.length ? ` (withdrawn and not counted: ${withdrawn.join(", ")})` : ""}, ${config.seats} to elect.`,
    `Valid ballots: ${result.validBallots}${result.rejectedBallots ? ` (${result.rejectedBallots} with no preference for a candidate standing, not counted)` : ""}. Quota: ${result.quota ?? "none"}.`,
  ];
  let gone = 0;
  let lost = 0;
  for (const round of result.rounds) {
    const whose = round.from
      ? ` (${nameOf(round.from)}${round.surplus !== undefined ? `, ${votes(round.surplus)}` : ""})`
      : "";
    lines.push("", `Round ${round.round}: ${ACTION[round.action]}${whose}`);
    for (const c of config.candidates) {
      const moved = round.transfers[c.id];
      lines.push(row(c.title, votes(round.tallies[c.id] ?? 0), moved ? `  +${votes(moved)}` : ""));
    }
    gone += round.nonTransferable;
    lost += round.lostToRounding ?? 0;
    lines.push(row("Non-transferable", votes(gone), round.nonTransferable ? `  +${votes(round.nonTransferable)}` : ""));
    lines.push(row("Lost to rounding", votes(lost), round.lostToRounding ? `  +${votes(round.lostToRounding)}` : ""));
    const withoutQuota = (id: string) =>
      round.electedWithoutQuota?.includes(id) ? `${nameOf(id)} (last place, without reaching the quota)` : nameOf(id);
    if (round.elected.length) lines.push(`  Elected: ${round.elected.map(withoutQuota).join(", ")}`);
    if (round.excluded.length) lines.push(`  Excluded: ${round.excluded.map(nameOf).join(", ")}`);
  }
  lines.push("");
  for (const tie of result.ties) {
    lines.push(
      `Tie in round ${tie.round} (${tie.question}) between ${tie.tied.map(nameOf).join(", ")}: ${tie.chosen.map(nameOf).join(", ")}, by ${tie.brokenBy}.`,
    );
  }
  lines.push(`Elected, in order: ${result.winners.map(nameOf).join(", ") || "nobody"}.`);
  return lines;
}
