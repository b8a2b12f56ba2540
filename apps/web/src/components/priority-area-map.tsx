import type { ReactNode } from "react";

import { type Geometry, type Projection, projectionFor } from "./map-projection";
import { WithStreetMap } from "./street-map-lazy";

type PriorityAreaMapProps = { boundary: Geometry; area: Geometry; title: string; wardName: string };

/**
 * A small map of a priority's drawn area inside the ward boundary, on the same projection as the
 * ward map; a still street map beneath when MAP_TILE_URL is set.
 */
export function PriorityAreaMap({ boundary, area, title, wardName }: PriorityAreaMapProps) {
  const label = `Map of ${wardName} ward with the area of the priority “${title}” marked`;
  const drawArea = (projection: Projection) => <AreaPath d={projection.pathOf(area)} />;
  return (
    <WithStreetMap
      boundary={boundary}
      label={label}
      mode="thumbnail"
      outline={<OutlineAreaMap boundary={boundary} label={label} drawArea={drawArea} />}
    >
      {drawArea}
    </WithStreetMap>
  );
}

function OutlineAreaMap({
  boundary,
  label,
  drawArea,
}: {
  boundary: Geometry;
  label: string;
  drawArea: (projection: Projection) => ReactNode;
}) {
  const projection = projectionFor(boundary);
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={label}
      className="h-auto w-full max-w-56"
    >
      <path d={projection.pathOf(boundary)} fill="#dbeafe" stroke="#1e3a8a" strokeWidth="2" fillRule="evenodd" />
      {drawArea(projection)}
    </svg>
  );
}

function AreaPath({ d }: { d: string }) {
  return (
    <path
      d={d}
      fill="#f59e0b"
      fillOpacity="0.5"
      stroke="#7c2d12"
      strokeWidth="2.5"
      strokeDasharray="6 3"
      fillRule="evenodd"
    />
  );
}
