import "./pack-body.css";

import type { RouterOutputs } from "@wardpanel/api";
import { useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";

import type { Projection } from "./map-projection";
import { useMapTiles, WithStreetMap } from "./street-map-lazy";

type PackMapData = RouterOutputs["crimePacks"]["publishedPage"]["map"];

/**
 * The pack's sections as the server rendered them from the pack's view model (the same model the
 * PDF and e-mail are drawn from). The HTML is produced by @wardpanel/packs with every piece of data
 * escaped, so it is inserted as is. With MAP_TILE_URL set, the crime map is drawn again over street
 * map tiles in its place (the server's SVG stays for print and until the map loads).
 */
export function PackBody({ html, map }: { html: string; map: PackMapData }) {
  const body = useRef<HTMLDivElement>(null);
  const tiles = useMapTiles();
  const [slot, setSlot] = useState<Element | null>(null);
  // One object per HTML: React 19 puts the HTML in again whenever this prop is a new object,
  // which would throw away the street map placed inside it.
  const inner = useMemo(() => ({ __html: html }), [html]);
  useEffect(() => setSlot(tiles ? (body.current?.querySelector(".pack-map") ?? null) : null), [inner, tiles]);
  return (
    <>
      <div ref={body} className="pack-body" dangerouslySetInnerHTML={inner} />
      {slot && createPortal(<PackStreetMap map={map} />, slot)}
    </>
  );
}

/** One circle per police.uk point, bigger for more crimes there (area ∝ count), as on the PDF's map. */
function PackStreetMap({ map }: { map: PackMapData }) {
  const drawSpots = (projection: Projection) =>
    map.spots.map((spot) => {
      const [cx, cy] = projection.toSvg([spot.lon, spot.lat]);
      return (
        <circle
          key={`${spot.lon},${spot.lat}`}
          cx={cx}
          cy={cy}
          r={3 + 2.2 * Math.sqrt(spot.count - 1)}
          fill="#b91c1c"
          fillOpacity="0.55"
          stroke="#7f1d1d"
          strokeWidth="0.8"
        />
      );
    });
  return (
    <WithStreetMap boundary={map.boundary} label={map.label} mode="view" outline={null}>
      {drawSpots}
    </WithStreetMap>
  );
}
