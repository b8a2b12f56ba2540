import { readFile } from "node:fs/promises";

import { ballotSourcesInWords, verifyVoteRecord, type VoteRecord } from "@wardpanel/voting";

import { CliUsageError, type Command } from "../command";

/**
 * `pnpm cli verify-vote <record.json> [--final-hash <hash>]`: recomputes a vote's hash chain and
 * its count from the downloaded record alone. No database, no server: anyone can run it.
 */
export const verifyVoteCommand: Command = {
  async run(args, cli) {
    const [path, flag, expectedFinalHash] = args;
    if (!path || (flag !== undefined && (flag !== "--final-hash" || !expectedFinalHash))) {
      throw new CliUsageError(
        "Usage: pnpm cli verify-vote <record.json> [--final-hash <hash published with the result>]",
      );
    }
    let record: unknown;
    try {
      record = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      cli.printError(`Cannot read ${path} as JSON: ${(error as Error).message}`);
      return 1;
    }
    const verification = verifyVoteRecord(record, expectedFinalHash ? { expectedFinalHash } : {});
    if (!verification.ok) {
      cli.printError(`Does NOT verify: ${verification.reason}`);
      return 1;
    }
    cli.print(`Verified: every entry's hash is right and the recount gives the published result.`);
    cli.print(`Final hash: ${verification.finalHash}`);
    for (const line of ballotSourcesInWords((record as VoteRecord).entries)) cli.print(`  ${line}`);
    for (const line of verification.result.explanation) cli.print(`  ${line}`);
    return 0;
  },
};
