/**
 * Child process of the bench: reads one postcode file and gives every row its ward, as
 * `pnpm cli postcodes load` does before storing, and prints JSON with rows, time and peak RSS.
 * Its own process, so the peak is the load's alone, not the file generation's.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { createWardIndex, type WardFeatureCollection } from "@wardpanel/crime-data";

import { createWardAssigner, readPostcodeFile } from "../src/index";

const [path = ""] = process.argv.slice(2);
const wardsPath = fileURLToPath(new URL("../../db/data/london-wards-2022.geojson", import.meta.url));
const assign = createWardAssigner(
  createWardIndex(JSON.parse(readFileSync(wardsPath, "utf8")) as WardFeatureCollection),
);

const counts = { rows: 0, byFile: 0, byPointInPolygon: 0, outside: 0, terminated: 0 };
const start = process.hrtime.bigint();
await readPostcodeFile(path, {
  onBatch(batch) {
    for (const record of batch) {
      const ward = assign(record);
      counts.rows += 1;
      if (record.terminatedOn !== null) counts.terminated += 1;
      if (!ward) counts.outside += 1;
      else if (ward.assignedBy === "file") counts.byFile += 1;
      else counts.byPointInPolygon += 1;
    }
  },
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// maxRSS is in kilobytes (Node's process.resourceUsage()).
process.stdout.write(JSON.stringify({ ...counts, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
