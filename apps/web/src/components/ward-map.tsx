type Geometry = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };

const WIDTH = 320;

/**
 * The ward's boundary drawn from our own data, so it needs no map server and prints.
 * Equirectangular projection with longitude scaled by cos(latitude): true enough at ward scale.
 */
export function WardMap({ boundary, wardName }: { boundary: Geometry; wardName: string }) {
  const polygons = boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
  const points = polygons.flat(2);
  const lats = points.map((p) => p[1] ?? 0);
  const lons = points.map((p) => p[0] ?? 0);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * kx || 1;
  const spanY = maxLat - minLat || 1;
  const scale = (WIDTH - 20) / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale + 20);
  const project = ([lon = 0, lat = 0]: number[]) => `${(10 + (lon - minLon) * kx * scale).toFixed(1)},${(10 + (maxLat - lat) * scale).toFixed(1)}`;
  const path = polygons.map((rings) => rings.map((ring) => `M${ring.map(project).join("L")}Z`).join("")).join("");

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Map of the boundary of ${wardName} ward`} className="h-auto w-full max-w-xs">
      <path d={path} fill="#dbeafe" stroke="#1e3a8a" strokeWidth="2" fillRule="evenodd" />
    </svg>
  );
}
