import { parseArgs } from "node:util";

import { loadPostcodeFile, type PostcodeLoadSummary } from "@wardpanel/db/postcodes";
import { PostcodeFileError } from "@wardpanel/postcodes";

import { fromInvocation } from "../../invocation-path";
import { type CliContext, CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

const USAGE = "Usage: pnpm cli postcodes load <file>… (ONSPD / NSPL CSV with its header, or OS Code-Point Open CSV)";
const n = (value: number) => value.toLocaleString("en-GB");

/**
 * `pnpm cli postcodes load <file>…`: streams each file into the postcodes table, keeping those
 * inside the loaded wards, with a progress line on stderr when it is a terminal. A refused row
 * names its file and line ("file X, line N: …").
 */
export const postcodesCommand: Command = {
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [verb, ...files] = positionals;
    if (verb !== "load" || files.length === 0) throw new CliUsageError(USAGE);
    return withDatabase(cli, async (db) => {
      for (const file of files.map(fromInvocation)) {
        const started = Date.now();
        let summary: PostcodeLoadSummary;
        try {
          summary = await loadPostcodeFile(db, file, { onProgress: progressLine(cli, file) });
        } catch (error) {
          cli.progress(null);
          if (isMissingFile(error)) {
            cli.printError(`file ${file}: no such file`);
            return 1;
          }
          if (!(error instanceof PostcodeFileError)) throw error;
          cli.printError(`${error.message}`);
          cli.printError(
            "Stopped there: rows before it may already be stored; loading the corrected file again is safe.",
          );
          return 1;
        }
        cli.progress(null);
        cli.print(describeLoad(summary, Date.now() - started));
      }
      return 0;
    });
  },
};

const isMissingFile = (error: unknown): error is Error =>
  error instanceof Error && "code" in error && error.code === "ENOENT";

/** The percentage read, rewritten in place on a terminal (cli.progress writes nothing elsewhere). */
function progressLine(cli: CliContext, file: string) {
  let shown = -1;
  return (bytesRead: number, totalBytes: number | null) => {
    const percent = totalBytes ? Math.floor((bytesRead / totalBytes) * 100) : 0;
    if (percent === shown) return;
    shown = percent;
    cli.progress(`${file}: ${percent}%`);
  };
}

export function describeLoad(s: PostcodeLoadSummary, ms: number): string {
  const format = s.format === "onspd" ? "ONSPD/NSPL" : "Code-Point Open";
  return [
    `${s.file} (${format}): ${n(s.rowsRead)} rows read in ${(ms / 1000).toFixed(1)} s.`,
    `  kept ${n(s.kept)} inside the loaded wards: ${n(s.byFileWard)} by the file's ward code, ${n(s.byPointInPolygon)} by point in polygon; ${n(s.terminated)} of them terminated.`,
    `  ${n(s.outsideLoadedWards)} outside the loaded wards (not kept).`,
  ].join("\n");
}
