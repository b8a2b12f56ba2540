import {
  createWardAssigner,
  type PostcodeFileFormat,
  type PostcodeRecord,
  readPostcodeFile,
  type WardAssignment,
} from "@wardpanel/postcodes";
import { CAMDEN_CODE_POINT_PATH } from "@wardpanel/postcodes/demo-data";

import type { Db } from "../client";
import { wardIndexFor } from "./ward-index";

/** What loading one file did, for the operator's summary line. */
export type PostcodeLoadSummary = {
  file: string;
  format: PostcodeFileFormat;
  /** Postcode rows in the file (the header not counted). */
  rowsRead: number;
  /** Stored: inside a loaded ward. */
  kept: number;
  /** Of those kept, given the ward the file names… */
  byFileWard: number;
  /** …or placed by our point-in-polygon test (the file's ward code missing or not loaded). */
  byPointInPolygon: number;
  /** Of those kept, terminated postcodes (kept and marked). */
  terminated: number;
  /** Not stored: outside every loaded ward, or no location and no loaded ward code. */
  outsideLoadedWards: number;
};

export type LoadPostcodesOptions = {
  /** Called after each batch with bytes read and the file's size, for a progress line. */
  onProgress?(bytesRead: number, totalBytes: number | null): void;
};

// Prepared statement rather than the query builder (as crimes.ts): the builder's per-row mapping
// took longer than SQLite's own insert. Columns as in schema/postcodes.ts.
const UPSERT_POSTCODE = `insert into postcodes
  (pcds, outward, sector, lat, lon, ward_code, terminated_on, source, ward_assigned_by)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (pcds) do update set
    outward = excluded.outward, sector = excluded.sector, lat = excluded.lat, lon = excluded.lon,
    ward_code = excluded.ward_code, terminated_on = excluded.terminated_on, source = excluded.source,
    ward_assigned_by = excluded.ward_assigned_by`;

/**
 * Postcodes stored per transaction. One transaction a parsed batch (a few hundred rows) spent more
 * time committing than inserting; 5,000 rows take some tens of milliseconds to write, so a running
 * server waits no longer than that, and memory holds only these few thousand small records.
 */
const ROWS_PER_TRANSACTION = 5_000;

type KeptPostcode = { record: PostcodeRecord; ward: NonNullable<WardAssignment> };

/**
 * Streams an ONSPD/NSPL or Code-Point Open file into `postcodes`, keeping only postcodes inside
 * the loaded wards (the file's own ward code when it names one, else point in polygon). Memory
 * stays bounded: kept postcodes are written in transactions of {@link ROWS_PER_TRANSACTION} as the
 * file is read, so a running server is never locked out for long. Loading is an upsert, so loading
 * a newer edition updates postcodes in place. A refused row (PostcodeFileError, "file X, line N:
 * …") stops the load; the postcodes before it are stored, and loading the corrected file again is
 * safe.
 */
export async function loadPostcodeFile(
  db: Db,
  path: string,
  options: LoadPostcodesOptions = {},
): Promise<PostcodeLoadSummary> {
  const assign = createWardAssigner(wardIndexFor(db));
  const upsert = db.$client.prepare(UPSERT_POSTCODE);
  const storeAll = db.$client.transaction((rows: KeptPostcode[], source: PostcodeFileFormat) => {
    for (const { record, ward } of rows) {
      upsert.run(
        record.pcds,
        record.outward,
        record.sector,
        record.lat,
        record.lon,
        ward.wardCode,
        record.terminatedOn,
        source,
        ward.assignedBy,
      );
    }
  });
  const counts = { kept: 0, byFileWard: 0, byPointInPolygon: 0, terminated: 0, outsideLoadedWards: 0 };

  let source: PostcodeFileFormat = "onspd";
  let pending: KeptPostcode[] = [];
  const store = () => {
    const rows = pending;
    pending = [];
    if (rows.length > 0) storeAll(rows, source);
  };

  const keep = (batch: PostcodeRecord[], format: PostcodeFileFormat) => {
    source = format;
    for (const record of batch) {
      const ward = assign(record);
      if (!ward) {
        counts.outsideLoadedWards += 1;
        continue;
      }
      pending.push({ record, ward });
      counts.kept += 1;
      if (ward.assignedBy === "file") counts.byFileWard += 1;
      else counts.byPointInPolygon += 1;
      if (record.terminatedOn !== null) counts.terminated += 1;
    }
    if (pending.length >= ROWS_PER_TRANSACTION) store();
  };

  try {
    const summary = await readPostcodeFile(path, {
      onBatch: keep,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { file: summary.file, format: summary.format, rowsRead: summary.rows, ...counts };
  } finally {
    store(); // the last few, or those read before a refused row
  }
}

/** Camden's 7,528 Code-Point Open postcodes, shipped for the demo (packages/postcodes/data). */
export function loadDemoPostcodes(db: Db): Promise<PostcodeLoadSummary> {
  return loadPostcodeFile(db, CAMDEN_CODE_POINT_PATH);
}
