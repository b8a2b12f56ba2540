import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import type { MonthChange } from "@wardpanel/db/queries/crime-versions";
import { commitCrimeImport, CrimeImportRefusal, prepareCrimeImport, type ImportCrimeFilesResult } from "@wardpanel/packs";
import { CliUsageError, print, withDatabase, type Command } from "../command";

const USAGE = "Usage: pnpm cli import-crimes <street.csv> [<outcomes.csv>] [--month YYYY-MM] [--replace]";

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
async function askToReplace(month: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await terminal.question(`Replace ${month} with this file? Type yes to replace: `)).trim());
  } finally {
    terminal.close();
  }
}

function printResult(result: ImportCrimeFilesResult) {
  if (result.street) {
    const s = result.street.summary;
    print(`${result.street.force}, ${result.street.month}: ${s.total} rows imported (${result.street.replaced} replaced, kept to restore).`);
    print(`  in a ward ${s.inWards}, no location ${s.noLocation}, outside every London ward ${s.outsideWards}, in another force's area ${s.outsideForceArea}`);
    if (result.street.outcomesKept > 0) print(`  kept ${result.street.outcomesKept} newer outcomes from later outcomes files`);
  }
  if (result.outcomes) {
    const o = result.outcomes;
    print(`Outcomes ${o.month}: ${o.rows} rows, ${o.updates} crimes named; ${o.crimesUpdated} updated (${o.earlierMonthCrimes} from earlier months), ${o.unmatched} not matched.`);
  }
}

const importCrimesCommand: Command = {
  summary: "import-crimes <street.csv> [<outcomes.csv>] [--replace]: import a police.uk month (shows what changes before replacing one held)",
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { month: { type: "string" }, replace: { type: "boolean", default: false } } });
    const [streetPath, outcomesPath, ...rest] = positionals;
    if (!streetPath || rest.length > 0) throw new CliUsageError(USAGE);
    if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new CliUsageError(`--month must be YYYY-MM. ${USAGE}`);
    // A file named as outcomes in the first place is allowed alone: `import-crimes - outcomes.csv` is clumsier.
    const isOutcomesOnly = /outcomes/i.test(basename(streetPath)) && !outcomesPath;
    // pnpm runs the CLI in apps/server; a relative path means the folder the command was typed in.
    const fileOf = (path: string) => ({ input: readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), path)), fileName: basename(path) });
    try {
      return await withDatabase(async (db) => {
        const prepared = await prepareCrimeImport(db, {
          street: isOutcomesOnly ? undefined : fileOf(streetPath),
          outcomes: isOutcomesOnly ? fileOf(streetPath) : outcomesPath ? fileOf(outcomesPath) : undefined,
          expectedMonth: values.month,
        });
        const change = prepared.change;
        const isReplacing = change !== null && change.rowsBefore > 0;
        if (isReplacing) {
          for (const line of describeChangeLines(change)) print(line);
          if (!values.replace && !(await askToReplace(change.month))) {
            process.stderr.write(`Not imported: ${change.month} is already held. Run again with --replace to replace it. Nothing was changed.\n`);
            return 1;
          }
        }
        printResult(commitCrimeImport(db, prepared, { replace: isReplacing ? { heldImportId: change.heldImportId } : null, importedBy: null, now: new Date() }));
        return 0;
      });
    } catch (error) {
      if (error instanceof CrimeImportRefusal) {
        process.stderr.write(`Not imported: ${error.message}\n`);
        return 1;
      }
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        process.stderr.write(`Not imported: ${(error as Error).message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

export const CRIME_PACK_COMMANDS: Record<string, Command> = { "import-crimes": importCrimesCommand };
