import proj4 from "proj4";

/**
 * British National Grid (EPSG:27700, OSGB36 Transverse Mercator, metres) as proj4 defines it, with
 * the published 7-parameter Helmert shift OSGB36 → WGS84 (`towgs84`, EPSG transformation 1314).
 * The Helmert shift approximates OS's exact OSTN15 grid transformation: Ordnance Survey quote it as
 * good to about 5 m across Great Britain, far below the ~100–200 m by which our generalised ward
 * boundaries differ from ONS's full-resolution ones. ONSPD's published lat/long agree with ours to
 * under 0.1 m on every located row of our sample (national-grid.test.ts), so ONS's figures appear
 * to come from the same shift.
 */
const BRITISH_NATIONAL_GRID =
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
  "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

const converter = proj4(BRITISH_NATIONAL_GRID, "WGS84");

/** The grid's extent in metres: eastings 0–700 km, northings 0–1,300 km. */
export const GRID_EXTENT = { maxEasting: 700_000, maxNorthing: 1_300_000 } as const;

/**
 * Converts an OS grid reference (eastings, northings in metres) to WGS84 degrees. Returns null for
 * a point off the grid (negative or beyond 700 km × 1,300 km).
 */
export function gridToWgs84(easting: number, northing: number): { lat: number; lon: number } | null {
  if (!(easting >= 0 && easting <= GRID_EXTENT.maxEasting && northing >= 0 && northing <= GRID_EXTENT.maxNorthing)) {
    return null;
  }
  const [lon = NaN, lat = NaN] = converter.forward([easting, northing]);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

/**
 * Converts one GeoJSON position in grid metres ([easting, northing]) to [longitude, latitude]
 * degrees, for reprojecting boundaries. Returns null off the grid, as gridToWgs84 does.
 */
export function gridPositionToWgs84(position: readonly number[]): [number, number] | null {
  const [easting = NaN, northing = NaN] = position;
  const point = gridToWgs84(easting, northing);
  return point ? [point.lon, point.lat] : null;
}
