import { type Geometry, projectionFor } from "./map-projection";

/** The ward's boundary drawn from our own data, so it needs no map server and prints. */
export function WardMap({ boundary, wardName }: { boundary: Geometry; wardName: string }) {
  const projection = projectionFor(boundary);
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={`Map of the boundary of ${wardName} ward`}
      className="h-auto w-full max-w-xs"
    >
      <path d={projection.pathOf(boundary)} fill="#dbeafe" stroke="#1e3a8a" strokeWidth="2" fillRule="evenodd" />
    </svg>
  );
}
