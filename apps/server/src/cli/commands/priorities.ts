import { readFile } from "node:fs/promises";

import {
  ballotSourcesInWords,
  type VerifyStep,
  verifySteps,
  type VoteRecord,
  type VoteResult,
} from "@wardpanel/voting";

import { CliUsageError, type Command } from "../command";

const USAGE =
  "Usage: pnpm cli verify-vote <record.json> [--final-hash <hash published with the result>] [--trackers <trackers.txt>]";

/** The flags after the record's path: each of --final-hash and --trackers at most once, with a value. */
function readFlags(rest: readonly string[]): { finalHash?: string; trackersPath?: string } {
  const flags: { finalHash?: string; trackersPath?: string } = {};
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (!value) throw new CliUsageError(USAGE);
    if (flag === "--final-hash" && flags.finalHash === undefined) flags.finalHash = value;
    else if (flag === "--trackers" && flags.trackersPath === undefined) flags.trackersPath = value;
    else throw new CliUsageError(USAGE);
  }
  return flags;
}

/**
 * `pnpm cli verify-vote <record.json> [--final-hash <hash>] [--trackers <trackers.txt>]`:
 * recomputes a vote's hash chain and its count from the downloaded record alone, and with
 * --trackers checks the published list of ballot trackers (a text file, one tracker a line, blank
 * lines ignored) is exactly the trackers of the record's ballots. No database, no server: anyone
 * can run it. Prints each step of `verifySteps` as it finishes (the same steps "Check this vote
 * yourself" shows in the browser), then the result's explanation; exit 1 at the first failing step.
 */
export const verifyVoteCommand: Command = {
  async run(args, cli) {
    const [path, ...rest] = args;
    if (!path) throw new CliUsageError(USAGE);
    const { finalHash: expectedFinalHash, trackersPath } = readFlags(rest);
    let record: unknown;
    try {
      record = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      cli.printError(`Cannot read ${path} as JSON: ${(error as Error).message}`);
      return 1;
    }
    let trackers: string[] | undefined;
    if (trackersPath !== undefined) {
      try {
        trackers = (await readFile(trackersPath, "utf8"))
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== "");
      } catch (error) {
        cli.printError(`Cannot read the tracker list ${trackersPath}: ${(error as Error).message}`);
        return 1;
      }
    }
    const published = {
      ...(expectedFinalHash !== undefined && { finalHash: expectedFinalHash }),
      ...(trackers !== undefined && { trackers }),
    };
    let result: VoteResult | undefined;
    let finalHash = "";
    let recordTrackers: string[] = [];
    for (const step of verifySteps(record, published)) {
      if (!step.ok) {
        cli.printError(`✗ ${STEP_NAMES[step.id]}: failed.`);
        cli.printError(`Does NOT verify: ${step.reason ?? step.id}`);
        return 1;
      }
      cli.print(`✓ ${stepInWords(step)}`);
      if (step.id === "final-hash") finalHash = step.facts.recordHash ?? "";
      if (step.id === "trackers") recordTrackers = step.facts.trackers ?? [];
      if (step.id === "recount") result = step.facts.result;
    }
    cli.print(`Verified: every entry's hash is right and the recount gives the published result.`);
    cli.print(`Final hash: ${finalHash}`);
    cli.print(
      trackers
        ? `The ${trackers.length} published ballot trackers are exactly the record's.`
        : `${recordTrackers.length} ballot trackers: ${recordTrackers.join(" ")}`,
    );
    for (const line of ballotSourcesInWords((record as VoteRecord).entries)) cli.print(`  ${line}`);
    for (const line of result?.explanation ?? []) cli.print(`  ${line}`);
    return 0;
  },
};

const STEP_NAMES: Record<VerifyStep["id"], string> = {
  read: "Reading the record",
  chain: "Recomputing the hash chain",
  "final-hash": "Comparing the final hash",
  story: "Checking the entries' order and voters",
  trackers: "Finding the published ballot trackers",
  recount: "Re-counting the ballots",
  rounds: "Comparing the rounds",
};

/** One step in plain English, as the result page's "Check this vote yourself" words it. */
function stepInWords(step: VerifyStep): string {
  const f = step.facts;
  switch (step.id) {
    case "read":
      return `Record read: ${f.entries ?? 0} entries.`;
    case "chain":
      return `Hash chain recomputed: ${f.entries ?? 0} of ${f.of ?? 0} entries link correctly.`;
    case "final-hash":
      return step.skipped
        ? `Final hash ${f.recordHash ?? ""} (no published hash given: pass --final-hash to compare).`
        : `Final hash ${f.recordHash ?? ""} equals the published hash ${f.publishedHash ?? ""}.`;
    case "story":
      return `Entries in order: opened, ${f.ballots ?? 0} ballots, closed; nobody voted twice.`;
    case "trackers": {
      const n = f.trackers?.length ?? 0;
      const kind =
        f.trackerKind === "cast"
          ? `secret vote: ${n} random trackers listed apart from the ballots, one per ballot, none twice; they show a ballot was counted, not how`
          : `${n} trackers from the ballot entries (an open vote's, or a secret vote's recorded before version 3)`;
      return step.skipped
        ? `Ballot trackers: ${kind} (pass --trackers to compare a published list).`
        : `Ballot trackers: ${kind}; the published list is exactly the record's.`;
    }
    case "recount":
      return `Ballots re-counted: the recount elects ${f.winners?.join(", ") || "nobody"}, as published.`;
    case "rounds":
      return `Rounds match: all ${f.rounds ?? 0} rounds equal the published rounds.`;
  }
}
