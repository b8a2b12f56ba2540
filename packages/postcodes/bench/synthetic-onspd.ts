import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";

import { CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES } from "../src/demo-data";
import { gridToWgs84 } from "../src/national-grid";

/**
 * Writes an ONSPD-format file of `rows` synthetic postcodes: the real 52-column header and row
 * layout (the ONSPD sample's first row as a template), unique postcodes, and points and wards
 * taken from Camden's real Code-Point Open rows with a few metres' jitter, so ward assignment
 * does real work. The mix: 90% with the file's own (loaded) ward, 5% with a ward code we do not
 * load (point in polygon), 5% with none; 10% terminated; 0.5% without a location. Streamed to
 * disk in blocks, so writing a 1 M-row (~330 MB) file holds only one block in memory.
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
    const source = camden[i % camden.length] ?? { east: 529_000, north: 183_000, ward: "" };
    const east = source.east + ((i * 7) % 11) - 5;
    const north = source.north + ((i * 13) % 11) - 5;
    const point = gridToWgs84(east, north);
    const fields = [...base];
    fields[cols.pcd7] = `${outward.padEnd(4)}${inward}`;
    fields[cols.pcd8] = `${outward.padEnd(5)}${inward}`;
    fields[cols.pcds] = `${outward} ${inward}`;
    fields[cols.doterm] = i % 10 === 9 ? "201806" : "";
    fields[cols.laua] = "E09000007";
    fields[cols.ward] = i % 20 === 18 ? "E05999999" : i % 20 === 19 ? "" : source.ward;
    fields[cols.east] = String(east);
    fields[cols.north] = String(north);
    const unlocated = i % 200 === 199;
    fields[cols.lat] = unlocated ? "99.999999" : (point?.lat ?? 0).toFixed(6);
    fields[cols.long] = unlocated ? "0.000000" : (point?.lon ?? 0).toFixed(6);
    block.push(fields.join(","));
    if (block.length === 10_000) {
      if (!out.write(`${block.join("\n")}\n`)) await once(out, "drain");
      block = [];
    }
  }
  out.end(block.length > 0 ? `${block.join("\n")}\n` : "");
  await once(out, "finish");
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
