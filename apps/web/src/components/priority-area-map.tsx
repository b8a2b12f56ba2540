import { type Geometry, projectionFor } from "./map-projection";

/** A small map of a priority's drawn area inside the ward boundary, on the same projection as the ward map. */
export function PriorityAreaMap({
  boundary,
  area,
  title,
  wardName,
}: {
  boundary: Geometry;
  area: Geometry;
  title: string;
  wardName: string;
}) {
  const projection = projectionFor(boundary);
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={`Map of ${wardName} ward with the area of the priority “${title}” marked`}
      className="h-auto w-full max-w-56"
    >
      <path d={projection.pathOf(boundary)} fill="#dbeafe" stroke="#1e3a8a" strokeWidth="2" fillRule="evenodd" />
      <path
        d={projection.pathOf(area)}
        fill="#f59e0b"
        fillOpacity="0.5"
        stroke="#7c2d12"
        strokeWidth="2.5"
        strokeDasharray="6 3"
        fillRule="evenodd"
      />
    </svg>
  );
}
