import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import type { Readable } from "node:stream";

import Papa from "papaparse";

import { isCodePointRow, readCodePointRow } from "./code-point-open";
import { PostcodeFileError } from "./errors";
import { isOnspdHeader, type OnspdColumns, readOnspdHeader, readOnspdRow } from "./onspd";
import type { PostcodeFileFormat, PostcodeRecord } from "./postcode-record";

export type PostcodeFileHandlers = {
  /**
   * Called with each batch of records as the file streams (a few hundred rows a batch). Runs
   * synchronously before the next bytes are parsed, so a consumer that stores each batch keeps
   * memory bounded whatever the file's size.
   */
  onBatch(records: PostcodeRecord[], format: PostcodeFileFormat): void;
  /** Bytes read so far and the file's size (null when unknown), after each batch. */
  onProgress?(bytesRead: number, totalBytes: number | null): void;
};

export type PostcodeFileSummary = { file: string; format: PostcodeFileFormat; rows: number };

/** Reads a postcode file from disk; see {@link readPostcodeStream}. */
export async function readPostcodeFile(path: string, handlers: PostcodeFileHandlers): Promise<PostcodeFileSummary> {
  const size = statSync(path).size; // first, so a missing file fails before a stream is opened
  // 64 KB reads: each text chunk (and PapaParse's chunk plus the previous partial line) stays under
  // V8's large-object size (~128 KB), so it dies young. 256 KB chunks went to the large-object
  // space, freed only by full collections, and the heap grew by ~40 MB over a 1 M-row file.
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 16 });
  return readPostcodeStream(basename(path), stream, handlers, size);
}

/**
 * Streams an ONSPD/NSPL file (detected by its header naming `pcds`… and `lat`) or an OS Code-Point
 * Open file (no header; 10 columns, a postcode first) and hands its records over in batches.
 * Rejects with {@link PostcodeFileError} ("file X, line N: …") at the first row it cannot read;
 * every row before it has already been handed over, so a consumer wanting all-or-nothing wraps the
 * whole file in one transaction. Parsing is PapaParse's (decision 0019: csv-parse read ONSPD's
 * 52-column rows at under half the rate the issue asks for).
 */
export function readPostcodeStream(
  file: string,
  input: Readable,
  handlers: PostcodeFileHandlers,
  totalBytes: number | null = null,
): Promise<PostcodeFileSummary> {
  return new Promise((resolve, reject) => {
    let line = 1;
    let rows = 0;
    let bytesRead = 0;
    let format: PostcodeFileFormat | null = null;
    let columns: OnspdColumns | null = null;
    let failed = false;

    const fail = (error: unknown, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      input.destroy();
      reject(error);
    };
    // Only a quoted field can hold a newline; ONSPD quotes nothing, so its lines are its records.
    let quoted = false;
    input.on("data", (chunk: string | Buffer) => {
      bytesRead += Buffer.byteLength(chunk);
      if (!quoted && chunk.includes('"')) quoted = true;
    });

    parseStream(input, {
      delimiter: ",",
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (failed) return;
        const batch: PostcodeRecord[] = [];
        try {
          const bad = results.errors[0];
          results.data.forEach((fields, index) => {
            const at = line;
            line += quoted ? linesIn(fields) : 1;
            if (fields.length === 1 && fields[0] === "") return; // a blank line, or the file's last newline
            if (bad && bad.row === index) throw new PostcodeFileError(file, at, `not valid CSV (${bad.message})`);
            if (format === null) {
              if (at === 1 && fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
              if (isOnspdHeader(fields)) {
                format = "onspd";
                columns = readOnspdHeader(file, fields);
                return;
              }
              if (!isCodePointRow(fields)) {
                throw new PostcodeFileError(
                  file,
                  at,
                  "neither an ONSPD/NSPL header (naming pcds, lat, long…) nor a Code-Point Open row (10 columns, a postcode first)",
                );
              }
              format = "code-point-open";
            }
            batch.push(columns ? readOnspdRow(file, at, fields, columns) : readCodePointRow(file, at, fields));
          });
          rows += batch.length;
          if (batch.length > 0 && format !== null) handlers.onBatch(batch, format);
          handlers.onProgress?.(bytesRead, totalBytes);
        } catch (error) {
          // The rows before a refused one are handed over too, so "stored up to line N" holds.
          if (error instanceof PostcodeFileError && batch.length > 0 && format !== null) {
            try {
              handlers.onBatch(batch, format);
            } catch (storing) {
              fail(storing, parser);
              return;
            }
          }
          fail(error, parser);
        }
      },
      complete: () => {
        if (failed) return;
        if (format === null) fail(new PostcodeFileError(file, 1, "the file is empty"));
        else resolve({ file, format, rows });
      },
      error: (error: Error) => fail(error),
    });
    input.on("error", (error) => fail(error));
  });
}

/**
 * PapaParse reads a Node Readable directly (its ReadableStreamStreamer, pausing the stream while a
 * chunk is handled); @types/papaparse types only browser files and strings as inputs, hence the cast.
 */
const parseStream = Papa.parse as unknown as (
  input: Readable,
  config: Papa.ParseConfig<string[]> & {
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
    complete(): void;
    error(error: Error): void;
  },
) => void;

/** Lines a record spans: one, plus any newlines inside its quoted fields. */
function linesIn(fields: readonly string[]): number {
  let lines = 1;
  for (const field of fields) {
    if (field.includes("\n")) lines += field.split("\n").length - 1;
  }
  return lines;
}
