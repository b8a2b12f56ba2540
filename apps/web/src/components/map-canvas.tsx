import { type KeyboardEvent, type MouseEvent, type ReactNode, useId, useRef, useState } from "react";

import { describePosition, type Geometry, type Position, type Projection, projectionFor } from "./map-projection";
import { usePositionWords } from "./position-words";
import { WithStreetMap } from "./street-map-lazy";

type MapCanvasProps = {
  boundary: Geometry;
  /** The accessible name of the map, saying what clicking it does. */
  label: string;
  /** Visible instructions, linked to the map so a screen reader reads them on focus. */
  instructionsId: string;
  /** Where the keyboard crosshair starts (the last point placed), else the middle of the map. */
  start: Position | null;
  onPlace: (position: Position) => void;
  children: (projection: Projection) => ReactNode;
};

const STEP = 4;
const BIG_STEP = 16;
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * A ward map you can place points on: a click or tap places one where it lands (no dragging,
 * WCAG 2.5.7), and from the keyboard the arrow keys move a crosshair that Enter or Space places
 * (WCAG 2.1.1). Where the crosshair is, is announced in words, so it works without sight too.
 * Over street map tiles when MAP_TILE_URL is set (street-map.tsx), else the outline map below.
 */
export function MapCanvas(props: MapCanvasProps) {
  return <WithStreetMap mode="pick" {...props} outline={<OutlineMapCanvas {...props} />} />;
}

/** The ward outline alone, drawn from our own data in SVG: no tiles, works offline and prints. */
function OutlineMapCanvas({ boundary, label, instructionsId, start, onPlace, children }: MapCanvasProps) {
  const projection = projectionFor(boundary);
  const [crosshair, setCrosshair] = useState<Position | null>(null);
  const [said, setSaid] = useState("");
  // A focus caused by a click should not show the crosshair: only keyboard users need it.
  const pointerDown = useRef(false);
  const liveId = useId();
  const clamp = ([x, y]: Position): Position => [
    Math.min(projection.width, Math.max(0, x)),
    Math.min(projection.height, Math.max(0, y)),
  ];
  const words = usePositionWords();
  const where = ([x, y]: Position) => describePosition(boundary, projection, projection.toLonLat(x, y));

  const startPoint = (): Position => (start ? projection.toSvg(start) : [projection.width / 2, projection.height / 2]);
  const showCrosshair = () => {
    const at = startPoint();
    setCrosshair(at);
    setSaid(words.crosshair(where(at)));
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const step = event.shiftKey ? BIG_STEP : STEP;
      const from = crosshair ?? startPoint();
      const next = clamp([from[0] + move[0] * step, from[1] + move[1] * step]);
      setCrosshair(next);
      setSaid(words.crosshair(where(next)));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      // Focused by a click, the crosshair is hidden: the first press shows it rather than placing blind.
      if (crosshair) onPlace(projection.toLonLat(...crosshair));
      else showCrosshair();
    }
  };

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    pointerDown.current = false;
    const matrix = event.currentTarget.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    onPlace(projection.toLonLat(point.x, point.y));
  };

  return (
    <>
      <svg
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="application"
        aria-roledescription="map"
        aria-label={label}
        aria-describedby={instructionsId}
        tabIndex={0}
        className="h-auto w-full max-w-md cursor-crosshair touch-manipulation rounded border-2 border-slate-800 bg-white"
        onPointerDown={() => (pointerDown.current = true)}
        onFocus={() => {
          if (!pointerDown.current) showCrosshair();
          pointerDown.current = false;
        }}
        onBlur={() => setCrosshair(null)}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <path d={projection.pathOf(boundary)} fill="#dbeafe" stroke="#1e3a8a" strokeWidth="2" fillRule="evenodd" />
        {children(projection)}
        {crosshair && <Crosshair at={crosshair} />}
      </svg>
      <p id={liveId} aria-live="polite" className="sr-only">
        {said}
      </p>
    </>
  );
}

/** Black on a white halo: visible over the pale ward fill and over a drawn area. */
function Crosshair({ at: [x, y] }: { at: Position }) {
  const lines = `M${x - 14},${y}H${x + 14}M${x},${y - 14}V${y + 14}`;
  return (
    <g pointerEvents="none">
      <path d={lines} stroke="white" strokeWidth="5" />
      <path d={lines} stroke="black" strokeWidth="2" />
      <circle cx={x} cy={y} r="6" fill="none" stroke="black" strokeWidth="2" />
    </g>
  );
}
