import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";

import { CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES } from "../src/demo-data";
import { gridToWgs84 } from "../src/national-grid";

/**
 * Writes an ONSPD-format file of `rows` synthetic postcodes, shaped like the real national file
 * (~2.7 M rows, of which London holds well under a tenth): the real 52-column header and row
 * layout (the ONSPD sample's first row as a template) and unique postcodes. The mix, by row:
 * - 85% elsewhere in Great Britain (a point outside London's box, a ward code we do not load);
 * - 8% Camden, at real Code-Point Open points (a few metres' jitter) with their own ward code;
 * - 2% Camden points with no ward code (point in polygon places them);
 * - 5% anywhere in London's bounding box with an unloaded ward code (point in polygon; some fall
 *   outside Greater London's boundary, in the box's corners).
 * Across all of them 10% are terminated and 0.5% have no location (latitude 99.999999). Streamed
 * to disk in blocks, so writing a 1 M-row (~330 MB) file holds only one block in memory.
 */
export async function writeSyntheticOnspd(path: string, rows: number): Promise<void> {
  const [header = "", template = ""] = readFileSync(POSTCODE_FIXTURES.onspdExcerpt, "utf8").split("\n");
  const names = header.split(",");
  const at = (name: string) => names.indexOf(name);
  const cols = {
    pcd7: at("pcd7"),
    pcd8: at("pcd8"),
    pcds: at("pcds"),
    doterm: at("doterm"),
    laua: at("oslaua"),
    ward: at("osward"),
    east: at("oseast1m"),
    north: at("osnrth1m"),
    lat: at("lat"),
    long: at("long"),
  };
  const base = template.split(",");
  const camden = readFileSync(CAMDEN_CODE_POINT_PATH, "utf8")
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => {
      const f = line.split(",").map((v) => v.replace(/^"|"$/g, ""));
      return { east: Number(f[2]), north: Number(f[3]), ward: f[9] ?? "" };
    });

  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let block: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const { outward, inward } = syntheticPostcode(i);
    const fields = [...base];
    const kind = i % 100;
    let lat: number;
    let lon: number;
    if (kind < 85) {
      // Great Britain, kept out of London's box (51.28–51.70 N, 0.52 W–0.34 E).
      lat = 50.1 + fraction(i, 1) * 7.4;
      lon = -5.2 + fraction(i, 2) * 6.9;
      if (lat > 51.2 && lat < 51.8 && lon > -0.6 && lon < 0.4) lat += 0.7;
      fields[cols.laua] = "E07000001";
      fields[cols.ward] = `E05${String(900_000 + (i % 99_999)).padStart(6, "0")}`;
    } else if (kind < 95) {
      const source = camden[i % camden.length] ?? { east: 529_000, north: 183_000, ward: "" };
      const east = source.east + ((i * 7) % 11) - 5;
      const north = source.north + ((i * 13) % 11) - 5;
      const point = gridToWgs84(east, north);
      lat = point?.lat ?? 0;
      lon = point?.lon ?? 0;
      fields[cols.east] = String(east);
      fields[cols.north] = String(north);
      fields[cols.laua] = "E09000007";
      fields[cols.ward] = kind < 93 ? source.ward : "";
    } else {
      lat = 51.28 + fraction(i, 3) * 0.42;
      lon = -0.52 + fraction(i, 4) * 0.86;
      fields[cols.laua] = "E09000033";
      fields[cols.ward] = "E05999999";
    }
    fields[cols.pcd7] = `${outward.padEnd(4)}${inward}`;
    fields[cols.pcd8] = `${outward.padEnd(5)}${inward}`;
    fields[cols.pcds] = `${outward} ${inward}`;
    fields[cols.doterm] = Math.floor(i / 7) % 10 === 3 ? "201806" : "";
    const unlocated = i % 200 === 199;
    fields[cols.lat] = unlocated ? "99.999999" : lat.toFixed(6);
    fields[cols.long] = unlocated ? "0.000000" : lon.toFixed(6);
    block.push(fields.join(","));
    if (block.length === 10_000) {
      if (!out.write(`${block.join("\n")}\n`)) await once(out, "drain");
      block = [];
    }
  }
  out.end(block.length > 0 ? `${block.join("\n")}\n` : "");
  await once(out, "finish");
}

/** A repeatable number in [0, 1) for row `i` and stream `salt` (an integer hash, no state). */
function fraction(i: number, salt: number): number {
  let h = Math.imul(i ^ (salt * 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

const LETTERS = "ABDEFGHJLNPQRSTUWXYZ"; // the 20 letters an inward code may use
const AREA = "ABCDEFGHIJKLMNOPRSTUWYZ";

/** The i-th of many unique, validly formed postcodes: 400 units × 10 sectors per outward code. */
function syntheticPostcode(i: number): { outward: string; inward: string } {
  const unit = i % 400;
  const sector = Math.floor(i / 400) % 10;
  const district = Math.floor(i / 4_000);
  const outward = `${AREA[Math.floor(district / (AREA.length * 9)) % AREA.length]}${AREA[Math.floor(district / 9) % AREA.length]}${(district % 9) + 1}`;
  return { outward, inward: `${sector}${LETTERS[Math.floor(unit / 20)]}${LETTERS[unit % 20]}` };
}
