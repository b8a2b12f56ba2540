import { readFile } from "node:fs/promises";

import { ballotSourcesInWords, verifyVoteRecord, type VoteRecord } from "@wardpanel/voting";

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
 * can run it.
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
    const verification = verifyVoteRecord(record, {
      ...(expectedFinalHash ? { expectedFinalHash } : {}),
      ...(trackers ? { publishedTrackers: trackers } : {}),
    });
    if (!verification.ok) {
      cli.printError(`Does NOT verify: ${verification.reason}`);
      return 1;
    }
    cli.print(`Verified: every entry's hash is right and the recount gives the published result.`);
    cli.print(`Final hash: ${verification.finalHash}`);
    cli.print(
      trackers
        ? `The ${trackers.length} published ballot trackers are exactly the record's ballots.`
        : `${verification.trackers.length} ballot trackers: ${verification.trackers.join(" ")}`,
    );
    for (const line of ballotSourcesInWords((record as VoteRecord).entries)) cli.print(`  ${line}`);
    for (const line of verification.result.explanation) cli.print(`  ${line}`);
    return 0;
  },
};
