import { checkHeader } from "./columns";
import { type CsvInput, readCsvRecords } from "./csv-records";
import { CrimeFileError } from "./errors";
import type { StreetFile } from "./street-row";
import { type ParseOptions, StreetRowReader } from "./street-rows";

export type { ParseOptions } from "./street-rows";

/**
 * Parses and validates a police.uk street-level crime CSV. All or nothing: the first bad line
 * throws CrimeFileError with its line number, so a month is never half imported.
 */
export async function parseStreetCsv(input: CsvInput, options: ParseOptions = {}): Promise<StreetFile> {
  const reader = new StreetRowReader(options);
  let headerSeen = false;

  for await (const batch of readCsvRecords(input)) {
    for (const { fields, line } of batch) {
      if (!headerSeen) {
        checkHeader(fields, "street");
        headerSeen = true;
        continue;
      }
      reader.add(fields, line);
    }
  }

  if (!headerSeen) throw new CrimeFileError(1, "the file is empty");
  // A force with no crimes in a month does not publish an empty file; this is a truncated download.
  return reader.finish({ line: 2, reason: "the file has a header but no rows" });
}
