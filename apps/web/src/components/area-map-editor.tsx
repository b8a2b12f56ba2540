import type { AreaGeometry } from "@wardpanel/validators";
import { defined } from "@wardpanel/validators";
import { useId, useState } from "react";

import { MapCanvas } from "./map-canvas";
import { MapButton, mapInstructions } from "./map-controls";
import { type Geometry, polygonsOf, type Position, round6 } from "./map-projection";

type Rings = Position[][];

type AreaMapEditorProps = {
  boundary: Geometry;
  wardName: string;
  value: AreaGeometry | null;
  onChange: (value: AreaGeometry | null) => void;
};

/** One part as rings of [lon, lat] (outer ring first, then holes), each closed as RFC 7946 asks. */
const partsOf = (area: AreaGeometry | null): Rings[] =>
  area ? polygonsOf(area).map((rings) => rings.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon, lat]))) : [];
/** GeoJSON rings repeat the first corner at the end (RFC 7946); the editor works on the corners alone. */
const cornersOf = (rings: Rings | undefined): Position[] => (rings?.[0] ?? []).slice(0, -1);
const closedRing = (corners: Position[]): Position[] => {
  const ring = corners.map(round6);
  return [...ring, defined(ring[0], "the first corner of the area")];
};
/** No parts → null; one → a Polygon; more → a MultiPolygon keeping every part. */
const areaOf = (parts: Rings[]): AreaGeometry | null => {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: "Polygon", coordinates: defined(parts[0], "the area's one part") };
  return { type: "MultiPolygon", coordinates: parts };
};

/**
 * Draws a priority's area on the ward map, corner by corner, by click, tap or keyboard, in one
 * part or several ("Add another part" starts a new one; "Use the whole ward" takes every part of a
 * multi-part ward, holes included). A part needs three corners, so fewer are kept here as a draft
 * and the value holds only the finished parts until then. Clicks add corners to the part being
 * drawn: the draft, or else the last part (whose holes, if any, are kept).
 */
export function AreaMapEditor({ boundary, wardName, value, onChange }: AreaMapEditorProps) {
  const instructionsId = useId();
  /** null: corners go to the value's last part; a list: a new part of fewer than three corners. */
  const [draft, setDraft] = useState<Position[] | null>(null);
  const parts = partsOf(value);
  const finished = draft === null ? parts.slice(0, -1) : parts;
  const current = draft ?? cornersOf(parts.at(-1));
  const currentHoles = draft === null ? (parts.at(-1)?.slice(1) ?? []) : [];

  const change = (next: Position[]) => {
    if (next.length >= 3) {
      setDraft(null);
      onChange(areaOf([...finished, [closedRing(next), ...currentHoles]]));
    } else {
      setDraft(next.map(round6));
      if (draft === null && parts.length > finished.length) onChange(areaOf(finished));
    }
  };
  const clear = () => {
    setDraft(null);
    onChange(null);
  };
  const wholeWard = () => {
    setDraft(null);
    onChange(
      areaOf(
        polygonsOf(boundary).map((rings) => rings.map((ring) => ring.map(([lon = 0, lat = 0]) => round6([lon, lat])))),
      ),
    );
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
        start={current.at(-1) ?? null}
        onPlace={(position) => change([...current, position])}
      >
        {(projection) => (
          <>
            {finished.length > 0 && (
              <path
                d={projection.pathOf(areaOf(finished) ?? { type: "MultiPolygon", coordinates: [] })}
                fillRule="evenodd"
                fill="#f59e0b"
                fillOpacity="0.4"
                stroke="#7c2d12"
                strokeWidth="2.5"
                pointerEvents="none"
              />
            )}
            <AreaShape corners={current.map((c) => projection.toSvg(c))} />
          </>
        )}
      </MapCanvas>
      <p role="status" className="my-2">
        {describeArea(finished.length, current.length)}
      </p>
      <div className="flex flex-wrap gap-2">
        <MapButton isAvailable={current.length > 0} onClick={() => change(current.slice(0, -1))}>
          Undo last corner
        </MapButton>
        <MapButton isAvailable={parts.length > 0 || current.length > 0} onClick={clear}>
          Clear the area
        </MapButton>
        <MapButton isAvailable={draft === null && parts.length > 0} onClick={() => setDraft([])}>
          Add another part
        </MapButton>
        <MapButton onClick={wholeWard}>Use the whole ward</MapButton>
      </div>
    </div>
  );
}

/** "An area with 5 corners is drawn." for one part; for several, how many parts and the one being drawn. */
function describeArea(finishedParts: number, corners: number): string {
  const drawing =
    corners === 0
      ? null
      : corners < 3
        ? `${corners} ${corners === 1 ? "corner" : "corners"} placed: add at least ${3 - corners} more to make an area.`
        : null;
  const parts = finishedParts + (corners >= 3 ? 1 : 0);
  if (parts === 0) return drawing ?? "No area is drawn.";
  const drawn =
    parts === 1 && finishedParts === 0
      ? `An area with ${corners} corners is drawn.`
      : `An area in ${parts} ${parts === 1 ? "part" : "parts"} is drawn.`;
  if (drawing) return `${drawn} New part: ${drawing}`;
  return corners === 0 && finishedParts > 0 && parts === finishedParts
    ? `${drawn} Add corners on the map to start the new part.`
    : drawn;
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
