import { readFile } from "node:fs/promises";
import { ballotSourcesInWords, verifyVoteRecord, type VoteRecord } from "@wardpanel/voting";
import { CliUsageError, print, type Command } from "../command";

/**
 * `pnpm cli verify-vote <record.json> [--final-hash <hash>]`: recomputes a vote's hash chain and
 * its count from the downloaded record alone. No database, no server: anyone can run it.
 */
const verifyVote: Command = {
  summary: "check a downloaded vote record: its hash chain and its result",
  async run(args) {
    const [path, flag, expectedFinalHash] = args;
    if (!path || (flag !== undefined && (flag !== "--final-hash" || !expectedFinalHash))) {
      throw new CliUsageError("Usage: pnpm cli verify-vote <record.json> [--final-hash <hash published with the result>]");
    }
    let record: unknown;
    try {
      record = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      process.stderr.write(`Cannot read ${path} as JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const verification = verifyVoteRecord(record, expectedFinalHash ? { expectedFinalHash } : {});
    if (!verification.ok) {
      process.stderr.write(`Does NOT verify: ${verification.reason}\n`);
      return 1;
    }
    print(`Verified: every entry's hash is right and the recount gives the published result.`);
    print(`Final hash: ${verification.finalHash}`);
    for (const line of ballotSourcesInWords((record as VoteRecord).entries)) print(`  ${line}`);
    for (const line of verification.result.explanation) print(`  ${line}`);
    return 0;
  },
};

export const PRIORITY_COMMANDS: Record<string, Command> = { "verify-vote": verifyVote };
