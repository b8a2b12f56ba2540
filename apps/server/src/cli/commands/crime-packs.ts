import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CrimeFileError, UnknownForceError } from "@wardpanel/crime-data";
import { importCrimeFiles } from "@wardpanel/packs";
import { CliUsageError, print, withDatabase, type Command } from "../command";

const USAGE = "Usage: pnpm cli import-crimes <street.csv> [<outcomes.csv>] [--month YYYY-MM]";

export const importCrimesCommand: Command = {
  summary: "import-crimes <street.csv> [<outcomes.csv>]: import a police.uk month (replaces that force's month)",
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { month: { type: "string" } } });
    const [streetPath, outcomesPath, ...rest] = positionals;
    if (!streetPath || rest.length > 0) throw new CliUsageError(USAGE);
    if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new CliUsageError(`--month must be YYYY-MM. ${USAGE}`);
    // A file named as outcomes in the first place is allowed alone: `import-crimes - outcomes.csv` is clumsier.
    const isOutcomesOnly = /outcomes/i.test(basename(streetPath)) && !outcomesPath;
    // pnpm runs the CLI in apps/server; a relative path means the folder the command was typed in.
    const fileOf = (path: string) => ({ input: readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), path)), fileName: basename(path) });
    try {
      const result = await withDatabase((db) =>
        importCrimeFiles(db, {
          street: isOutcomesOnly ? undefined : fileOf(streetPath),
          outcomes: isOutcomesOnly ? fileOf(streetPath) : outcomesPath ? fileOf(outcomesPath) : undefined,
          expectedMonth: values.month,
          importedBy: null,
          now: new Date(),
        }),
      );
      if (result.street) {
        const s = result.street.summary;
        print(`${result.street.force}, ${result.street.month}: ${s.total} rows imported (${result.street.replaced} replaced).`);
        print(`  in a ward ${s.inWards}, no location ${s.noLocation}, outside every London ward ${s.outsideWards}, in another force's area ${s.outsideForceArea}`);
        if (result.street.outcomesKept > 0) print(`  kept ${result.street.outcomesKept} newer outcomes from later outcomes files`);
      }
      if (result.outcomes) {
        const o = result.outcomes;
        print(`Outcomes ${o.month}: ${o.rows} rows, ${o.updates} crimes named; ${o.crimesUpdated} updated (${o.earlierMonthCrimes} from earlier months), ${o.unmatched} not matched.`);
      }
      return 0;
    } catch (error) {
      if (error instanceof CrimeFileError || error instanceof UnknownForceError) {
        process.stderr.write(`Not imported: ${error.message}. Nothing was changed.\n`);
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
