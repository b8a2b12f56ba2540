import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

import type { MonthChange } from "@wardpanel/db/queries/crime-versions";
import {
  commitCrimeImport,
  CrimeImportRefusal,
  type ImportCrimeFilesResult,
  prepareCrimeImport,
} from "@wardpanel/packs";

import { fromInvocation } from "../../invocation-path";
import { type CliContext, CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

const USAGE =
  "Usage: pnpm cli import-crimes <street.csv or police.uk API .json> [<outcomes.csv>] [--month YYYY-MM] [--replace]";

/** The same comparison the crime data page shows before a month is replaced. */
function describeChangeLines(change: MonthChange): string[] {
  const lines = [
    `${change.force} already has ${change.month}: ${change.rowsBefore} rows now, ${change.rowsAfter} after replacing with this file.`,
    `  not in any ward: ${change.outsideWards.before} now, ${change.outsideWards.after} after`,
    `  ${change.wards.length} wards change, ${change.wardsUnchanged} stay the same${change.wards.length > 0 ? ":" : "."}`,
  ];
  for (const w of change.wards) lines.push(`    ${w.wardName} (${w.boroughName}): ${w.before} → ${w.after}`);
  return lines;
}

/** Asks on the terminal; a pipe or a script gets no question, and needs --replace. */
async function askToReplace(cli: CliContext, month: string): Promise<boolean> {
  if (!cli.stdin.isTTY) return false;
  const terminal = createInterface({ input: cli.stdin, output: cli.stdout });
  try {
    return /^y(es)?$/i.test((await terminal.question(`Replace ${month} with this file? Type yes to replace: `)).trim());
  } finally {
    terminal.close();
  }
}

function printResult({ print }: CliContext, result: ImportCrimeFilesResult) {
  if (result.street) {
    const s = result.street.summary;
    print(
      `${result.street.force}, ${result.street.month}: ${s.total} rows imported (${result.street.replaced} replaced, kept to restore).`,
    );
    print(
      `  in a ward ${s.inWards}, no location ${s.noLocation}, outside every ward we hold ${s.outsideWards}, in a ward another force polices ${s.outsideForceArea}`,
    );
    if (result.street.outcomesKept > 0)
      print(`  kept ${result.street.outcomesKept} newer outcomes from later outcomes files`);
  }
  if (result.outcomes) {
    const o = result.outcomes;
    print(
      `Outcomes ${o.month}: ${o.rows} rows, ${o.updates} crimes named; ${o.crimesUpdated} updated (${o.earlierMonthCrimes} from earlier months), ${o.newerOutcomeKept} already had a newer outcome (kept), ${o.unmatched} name crimes not held.`,
    );
  }
}

export const importCrimesCommand: Command = {
  async run(args, cli) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { month: { type: "string" }, replace: { type: "boolean", default: false } },
    });
    const [streetPath, outcomesPath, ...rest] = positionals;
    if (!streetPath || rest.length > 0) throw new CliUsageError(USAGE);
    if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month))
      throw new CliUsageError(`--month must be YYYY-MM. ${USAGE}`);
    // A file named as outcomes in the first place is allowed alone: `import-crimes - outcomes.csv` is clumsier.
    const isOutcomesOnly = /outcomes/i.test(basename(streetPath)) && !outcomesPath;
    const fileOf = (path: string) => ({ input: readFileSync(fromInvocation(path)), fileName: basename(path) });
    try {
      return await withDatabase(cli, async (db) => {
        const prepared = await prepareCrimeImport(db, {
          street: isOutcomesOnly ? undefined : fileOf(streetPath),
          outcomes: isOutcomesOnly ? fileOf(streetPath) : outcomesPath ? fileOf(outcomesPath) : undefined,
          expectedMonth: values.month,
          homeForceId: cli.dataSettings().POLICE_FORCE_ID,
        });
        const change = prepared.change;
        const isReplacing = change !== null && change.rowsBefore > 0;
        if (isReplacing) {
          for (const line of describeChangeLines(change)) cli.print(line);
          if (!values.replace && !(await askToReplace(cli, change.month))) {
            cli.printError(
              `Not imported: ${change.month} is already held. Run again with --replace to replace it. Nothing was changed.`,
            );
            return 1;
          }
        }
        printResult(
          cli,
          commitCrimeImport(db, prepared, {
            replace: isReplacing ? { heldImportId: change.heldImportId } : null,
            importedBy: null,
            now: new Date(),
          }),
        );
        return 0;
      });
    } catch (error) {
      if (error instanceof CrimeImportRefusal) {
        cli.printError(`Not imported: ${error.message}`);
        return 1;
      }
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        cli.printError(`Not imported: ${(error as Error).message}`);
        return 1;
      }
      throw error;
    }
  },
};
