import type { WardGeometry } from "@wardpanel/db/schema";

/** The ward map, already projected: SVG path data and circles in a WIDTH × height box. */
export type PackMap = {
  width: number;
  height: number;
  boundaryPath: string;
  /** One circle per police.uk point; several crimes often share an anonymised point. lon/lat are WGS84 degrees, for the web page's street map. */
  spots: { x: number; y: number; lon: number; lat: number; count: number; r: number }[];
  /** The ward boundary itself (WGS84 GeoJSON), for the web page's street map when tiles are set. */
  boundary: WardGeometry;
  crimesMapped: number;
};

const MAP_WIDTH = 400;
const PAD = 12;

/**
 * Equirectangular projection with longitude scaled by cos(latitude): true enough at ward scale,
 * and it needs no map server or tiles, so the map prints and works offline. Several crimes at one
 * anonymised point make one bigger circle (area ∝ count), which reads as density.
 */
export function projectMap(boundary: WardGeometry, points: { lon: number; lat: number }[]): PackMap {
  const polygons = boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
  const coords = polygons.flat(2);
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of coords) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * kx || 1e-6;
  const spanY = maxLat - minLat || 1e-6;
  const scale = (MAP_WIDTH - 2 * PAD) / Math.max(spanX, spanY * 0.8);
  const width = MAP_WIDTH;
  const height = Math.round(spanY * scale + 2 * PAD);
  const offsetX = (width - spanX * scale) / 2;
  const x = (lon: number) => offsetX + (lon - minLon) * kx * scale;
  const y = (lat: number) => PAD + (maxLat - lat) * scale;
  const round = (n: number) => Math.round(n * 10) / 10;

  const boundaryPath = polygons
    .map((rings) =>
      rings
        .map((ring) => `M${ring.map(([lon = 0, lat = 0]) => `${round(x(lon))},${round(y(lat))}`).join("L")}Z`)
        .join(""),
    )
    .join("");

  const byPoint = new Map<string, { lon: number; lat: number; count: number }>();
  for (const p of points) {
    const key = `${p.lon},${p.lat}`;
    const spot = byPoint.get(key);
    if (spot) spot.count += 1;
    else byPoint.set(key, { lon: p.lon, lat: p.lat, count: 1 });
  }
  const spots = [...byPoint.values()]
    .sort((a, b) => b.count - a.count || a.lon - b.lon || a.lat - b.lat)
    .map((s) => ({
      x: round(x(s.lon)),
      y: round(y(s.lat)),
      lon: s.lon,
      lat: s.lat,
      count: s.count,
      r: round(3 + 2.2 * Math.sqrt(s.count - 1)),
    }));
  return { width, height, boundaryPath, spots, boundary, crimesMapped: points.length };
}
