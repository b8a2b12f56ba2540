import { useTranslation } from "react-i18next";

import { type Geometry, projectionFor } from "./map-projection";
import { WithStreetMap } from "./street-map-lazy";

/**
 * The ward's boundary drawn from our own data, so it needs no map server and prints; over street
 * map tiles, with pan and zoom buttons, when MAP_TILE_URL is set.
 */
export function WardMap({ boundary, wardName }: { boundary: Geometry; wardName: string }) {
  const { t } = useTranslation();
  const label = t("map.boundary", { ward: wardName });
  return (
    <WithStreetMap
      boundary={boundary}
      label={label}
      mode="view"
      outline={<OutlineWardMap boundary={boundary} label={label} />}
    />
  );
}

function OutlineWardMap({ boundary, label }: { boundary: Geometry; label: string }) {
  const projection = projectionFor(boundary);
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={label}
      className="h-auto w-full max-w-xs"
    >
      <path d={projection.pathOf(boundary)} fill="#dbeafe" stroke="#1e3a8a" strokeWidth="2" fillRule="evenodd" />
    </svg>
  );
}
