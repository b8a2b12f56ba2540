import { Readable } from "node:stream";

import { type Options, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

import { CrimeFileError } from "./errors";

/** What the parsers accept: the whole text, or a stream / iterable of chunks (e.g. fs.createReadStream). */
export type CsvInput = string | Buffer | Readable | Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

type CsvRecord = { fields: string[]; line: number };

const OPTIONS: Options = {
  bom: true,
  // We check the column count ourselves so the error can say which line and how many.
  relax_column_count: true,
  // No `info: true`: it clones two objects per record, a third of the parse time on a full month.
  // Line numbers are counted below instead, so blank lines must stay visible as [""] records.
  skip_empty_lines: false,
};

/**
 * Yields CSV records, in batches, each with the 1-based line it starts on. Whole texts take
 * csv-parse's sync path (one batch, fastest); anything else is streamed so a 90,000-row month never
 * has to sit in memory as text. Blank lines are skipped.
 */
export async function* readCsvRecords(input: CsvInput): AsyncGenerator<CsvRecord[]> {
  const lines = new LineCounter();
  if (typeof input === "string" || Buffer.isBuffer(input)) {
    let records: string[][];
    try {
      records = parseSync(input, OPTIONS) as string[][];
    } catch (error) {
      throw toFileError(error);
    }
    const batch: CsvRecord[] = [];
    for (const fields of records) {
      const line = lines.next(fields);
      if (line !== null) batch.push({ fields, line });
    }
    yield batch;
    return;
  }

  const source = input instanceof Readable ? input : Readable.from(input);
  const parser = parse(OPTIONS);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const line = lines.next(fields);
      if (line !== null) yield [{ fields, line }];
    }
  } catch (error) {
    throw toFileError(error);
  } finally {
    // A consumer that stops early (a refused row) must not leave the file handle open.
    source.destroy();
  }
}

/** Works out where each record starts: one line per record, plus newlines inside quoted fields. */
class LineCounter {
  private line = 1;

  /** The record's line, or null for a blank line. */
  next(fields: string[]): number | null {
    const start = this.line;
    this.line += 1;
    for (const field of fields) {
      if (field.includes("\n")) this.line += field.split("\n").length - 1;
    }
    return fields.length === 1 && fields[0] === "" ? null : start;
  }
}

function toFileError(error: unknown): unknown {
  // csv-parse's sync and stream entry points each bundle their own CsvError class, so match its shape.
  if (error instanceof Error && "code" in error && "lines" in error && typeof error.lines === "number") {
    return new CrimeFileError(error.lines, `the file is not valid CSV: ${error.message}`);
  }
  return error;
}
