import proj4 from "proj4";

/**
 * British National Grid (EPSG:27700, OSGB36 Transverse Mercator, metres) as proj4 defines it, with
 * the published 7-parameter Helmert shift OSGB36 → WGS84 (`towgs84`, EPSG transformation 1314).
 * The Helmert shift is an approximation of OS's exact OSTN15 grid: Ordnance Survey quote it as good
 * to about 5 m across Great Britain (around 2 m in London), which is far below the ~100–200 m by
 * which our generalised ward boundaries differ from ONS's full-resolution ones. ONSPD's own lat/long
 * come from OSTN; the test compares ours with them.
 */
const BRITISH_NATIONAL_GRID =
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
  "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

const converter = proj4(BRITISH_NATIONAL_GRID, "WGS84");

/**
 * Converts an OS grid reference (eastings, northings in metres) to WGS84 degrees. Returns null for
 * a point off the grid (negative or beyond 700 km × 1,300 km).
 */
export function gridToWgs84(easting: number, northing: number): { lat: number; lon: number } | null {
  if (!(easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000)) return null;
  const [lon = NaN, lat = NaN] = converter.forward([easting, northing]);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}
