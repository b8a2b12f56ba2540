import type { AreaGeometry } from "@wardpanel/validators";
import { defined } from "@wardpanel/validators";
import { useId, useState } from "react";

import { MapCanvas } from "./map-canvas";
import { MapButton, mapInstructions } from "./map-controls";
import { type Geometry, polygonsOf, type Position, round6 } from "./map-projection";

/** The editor draws one polygon: the drawn-area shape the priority procedures take. */
type Polygon = Extract<AreaGeometry, { type: "Polygon" }>;

type AreaMapEditorProps = {
  boundary: Geometry;
  wardName: string;
  value: Polygon | null;
  onChange: (value: Polygon | null) => void;
};

/** GeoJSON rings repeat the first corner at the end (RFC 7946); the editor works on the corners alone. */
const cornersOf = (polygon: Polygon): Position[] =>
  (polygon.coordinates[0] ?? []).slice(0, -1).map(([lon = 0, lat = 0]) => [lon, lat]);
const closedPolygon = (corners: Position[]): Polygon => {
  const ring = corners.map(round6);
  return { type: "Polygon", coordinates: [[...ring, defined(ring[0], "the first corner of the area")]] };
};

/**
 * Draws a priority's area on the ward map, corner by corner, by click, tap or keyboard. An area
 * needs three corners, so fewer are kept here as a draft and the value stays null until then.
 */
export function AreaMapEditor({ boundary, wardName, value, onChange }: AreaMapEditorProps) {
  const instructionsId = useId();
  const [draft, setDraft] = useState<Position[]>([]);
  const corners = value ? cornersOf(value) : draft;

  const change = (next: Position[]) => {
    if (next.length >= 3) {
      setDraft([]);
      onChange(closedPolygon(next));
    } else {
      setDraft(next.map(round6));
      if (value) onChange(null);
    }
  };
  const wholeWard = () => {
    const outer = polygonsOf(boundary)[0]?.[0] ?? [];
    change(outer.slice(0, -1).map(([lon = 0, lat = 0]) => [lon, lat]));
  };

  return (
    <div>
      <p id={instructionsId} className="mb-2 text-sm text-slate-700">
        {mapInstructions("add each corner of the area, in order around its edge")}
      </p>
      <MapCanvas
        boundary={boundary}
        label={`Map of ${wardName} ward: add a corner of the area`}
        instructionsId={instructionsId}
        start={corners.at(-1) ?? null}
        onPlace={(position) => change([...corners, position])}
      >
        {(projection) => <AreaShape corners={corners.map((c) => projection.toSvg(c))} />}
      </MapCanvas>
      <p role="status" className="my-2">
        {describeArea(corners.length)}
      </p>
      <div className="flex flex-wrap gap-2">
        <MapButton isAvailable={corners.length > 0} onClick={() => change(corners.slice(0, -1))}>
          Undo last corner
        </MapButton>
        <MapButton isAvailable={corners.length > 0} onClick={() => change([])}>
          Clear the area
        </MapButton>
        <MapButton onClick={wholeWard}>Use the whole ward</MapButton>
      </div>
    </div>
  );
}

function describeArea(corners: number): string {
  if (corners === 0) return "No area is drawn.";
  if (corners < 3)
    return `${corners} ${corners === 1 ? "corner" : "corners"} placed: add at least ${3 - corners} more to make an area.`;
  return `An area with ${corners} corners is drawn.`;
}

/** A closed shape with a dashed edge once it has three corners; before that, the corners and the line between them. */
function AreaShape({ corners }: { corners: Position[] }) {
  if (corners.length === 0) return null;
  const points = corners.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  return (
    <g pointerEvents="none">
      {corners.length >= 3 ? (
        <polygon
          points={points}
          fill="#f59e0b"
          fillOpacity="0.4"
          stroke="#7c2d12"
          strokeWidth="2.5"
          strokeDasharray="6 3"
        />
      ) : (
        <polyline points={points} fill="none" stroke="#7c2d12" strokeWidth="2.5" strokeDasharray="6 3" />
      )}
      {corners.length <= 40 &&
        corners.map(([x, y], i) => (
          <circle key={i} cx={x} cy={y} r="4" fill="#7c2d12" stroke="white" strokeWidth="1.5" />
        ))}
    </g>
  );
}
