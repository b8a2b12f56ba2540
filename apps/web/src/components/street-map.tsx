import "leaflet/dist/leaflet.css";

import { defined } from "@wardpanel/validators";
import L from "leaflet";
import { type FocusEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";

import { MapButton } from "./map-controls";
import {
  describePosition,
  type Geometry,
  polygonsOf,
  type Position,
  type Projection,
  projectionFor,
} from "./map-projection";
import { usePositionWords } from "./position-words";

/** The tile source from site.mapTiles: an XYZ address and who the map is from (plain text). */
export type MapTiles = { url: string; attribution: string };

export type StreetMapProps = {
  boundary: Geometry;
  tiles: MapTiles;
  /** The accessible name of the map. */
  label: string;
  /**
   * "pick": a map you place points on (click, tap, or the keyboard crosshair), with pan and zoom
   * buttons; "view": a map to look at, with pan and zoom buttons; "thumbnail": a small still map.
   */
  mode: "pick" | "view" | "thumbnail";
  /** Visible instructions for "pick", read on focus. */
  instructionsId?: string;
  /** Where the keyboard crosshair starts (the last point placed), else the middle of the view. */
  start?: Position | null;
  onPlace?: (position: Position) => void;
  /** The drawing over the boundary, in the same SVG coordinates the outline map uses (here: Leaflet layer pixels). */
  children?: (projection: Projection) => ReactNode;
};

const STEP = 8;
const BIG_STEP = 32;
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};
/** The drawing's pane: above tiles (200) and Leaflet's own overlays (400), below its controls (800). */
const DRAWING_PANE = "wardpanel-drawing";
const PAN_PIXELS = 80;

const latLngOf = ([lon, lat]: number[]): L.LatLngTuple => [lat ?? 0, lon ?? 0];

/**
 * A ward map over street map tiles (decision 0020): Leaflet draws the XYZ tiles in Web Mercator
 * and moves them; our own SVG (the boundary, then what the caller draws) sits in a pane above
 * the tiles, in Leaflet's layer pixels, so it pans with them and is redrawn after each zoom.
 * Loaded only by pages with a map (React.lazy in street-map-lazy.tsx), with Leaflet's CSS.
 *
 * Placing points is as on the outline map: a click or tap places one (a drag pans instead; no
 * dragging is ever needed, WCAG 2.5.7), and the arrow keys move a crosshair, said in words, that
 * Enter or Space places (WCAG 2.1.1); moving it past the edge pans the map. Buttons below zoom and
 * pan. If tiles fail, Leaflet leaves them hidden and the boundary alone still works.
 */
export default function StreetMap({
  boundary,
  tiles,
  label,
  mode,
  instructionsId,
  start,
  onPlace,
  children,
}: StreetMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [, setViewVersion] = useState(0);
  const [crosshair, setCrosshair] = useState<Position | null>(null);
  const { t } = useTranslation();
  const [said, setSaid] = useState("");
  const pointerDown = useRef(false);
  const liveId = useId();
  const outline = projectionFor(boundary);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const moving = mode !== "thumbnail";
    const created = L.map(container, {
      attributionControl: false,
      zoomControl: false,
      keyboard: false,
      doubleClickZoom: false,
      boxZoom: false,
      // The wheel scrolls the page, not the map: zoom is on the buttons and pinch.
      scrollWheelZoom: false,
      dragging: moving,
      touchZoom: moving,
      zoomAnimation: false,
      zoomSnap: 0.25,
    });
    created.createPane(DRAWING_PANE).style.zIndex = "450";
    L.tileLayer(tiles.url, { maxZoom: 19, minZoom: 3 }).addTo(created);
    created.fitBounds(boundsOf(boundary), { padding: [10, 10] });
    created.on("viewreset zoom zoomend moveend resize", () => setViewVersion((v) => v + 1));
    setMap(created);
    return () => {
      created.remove();
      setMap(null);
    };
  }, [boundary, tiles.url, mode]);

  // A click or tap places a point; Leaflet sends no click after a drag, which pans instead.
  useEffect(() => {
    if (!map || !onPlace) return;
    const place = (event: L.LeafletMouseEvent) => onPlace([event.latlng.lng, event.latlng.lat]);
    map.on("click", place);
    return () => {
      map.off("click", place);
    };
  }, [map, onPlace]);

  const pane = map?.getPane(DRAWING_PANE);
  const projection = map ? layerProjection(map, outline) : null;
  const words = usePositionWords();
  const where = (position: Position) => describePosition(boundary, outline, position);

  const startPoint = (): Position => {
    if (start) return start;
    const middle = defined(map, "the street map").getCenter();
    return [middle.lng, middle.lat];
  };
  const showCrosshair = () => {
    if (!map) return;
    const at = startPoint();
    setCrosshair(at);
    setSaid(words.crosshair(where(at)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!map || mode !== "pick" || event.target !== event.currentTarget) return;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const step = event.shiftKey ? BIG_STEP : STEP;
      const from = map.latLngToContainerPoint(latLngOf(crosshair ?? startPoint()));
      const size = map.getSize();
      const wanted = L.point(from.x + move[0] * step, from.y + move[1] * step);
      // Past the edge, the map pans under the crosshair, so every place can be reached by keyboard.
      const inside = L.point(Math.min(size.x, Math.max(0, wanted.x)), Math.min(size.y, Math.max(0, wanted.y)));
      const beyond = wanted.subtract(inside);
      const at = map.containerPointToLatLng(inside);
      if (beyond.x !== 0 || beyond.y !== 0) map.panBy(beyond, { animate: false });
      const next: Position = [at.lng, at.lat];
      setCrosshair(next);
      setSaid(words.crosshair(where(next)));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (crosshair) onPlace?.(crosshair);
      else showCrosshair();
    }
  };

  const isPicking = mode === "pick";
  const size = mode === "thumbnail" ? "max-w-56" : "max-w-md";
  return (
    <div className={`w-full ${size}`}>
      <div
        ref={containerRef}
        {...(isPicking
          ? {
              role: "application",
              "aria-roledescription": "map",
              "aria-label": label,
              "aria-describedby": instructionsId,
              tabIndex: 0,
              onKeyDown,
              onPointerDown: () => (pointerDown.current = true),
              onFocus: (event: FocusEvent<HTMLDivElement>) => {
                if (event.target !== event.currentTarget) return;
                if (!pointerDown.current) showCrosshair();
                pointerDown.current = false;
              },
              onBlur: () => setCrosshair(null),
            }
          : {})}
        data-street-map=""
        className={`street-map w-full rounded border-2 border-slate-800 bg-slate-100 ${isPicking ? "cursor-crosshair" : ""}`}
        style={{ aspectRatio: `${outline.width} / ${Math.max(outline.height, outline.width * 0.6)}` }}
      >
        {pane &&
          projection &&
          createPortal(
            <svg
              className="street-map-drawing"
              width="1"
              height="1"
              overflow="visible"
              {...(isPicking ? { "aria-hidden": true } : { role: "img", "aria-label": label })}
            >
              <path
                d={projection.pathOf(boundary)}
                fill="#dbeafe"
                fillOpacity="0.35"
                stroke="#1e3a8a"
                strokeWidth="3"
                fillRule="evenodd"
                style={{ pointerEvents: "visiblePainted" }}
                data-ward-boundary=""
              />
              {children?.(projection)}
              {crosshair && <Crosshair at={projection.toSvg(crosshair)} />}
            </svg>,
            pane,
          )}
      </div>
      <p className="mt-1 text-xs text-slate-700">{t("map.attribution", { attribution: tiles.attribution })}</p>
      {isPicking && (
        <p id={liveId} aria-live="polite" className="sr-only">
          {said}
        </p>
      )}
      {mode !== "thumbnail" && map && <MoveButtons map={map} boundary={boundary} />}
    </div>
  );
}

/** Zoom and pan without a gesture (WCAG 2.5.7), and back to the whole ward. */
function MoveButtons({ map, boundary }: { map: L.Map; boundary: Geometry }) {
  const { t } = useTranslation();
  const pan = (x: number, y: number) => () => map.panBy([x * PAN_PIXELS, y * PAN_PIXELS]);
  return (
    <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={t("map.move")}>
      <MapButton onClick={() => map.zoomIn()}>{t("map.zoomIn")}</MapButton>
      <MapButton onClick={() => map.zoomOut()}>{t("map.zoomOut")}</MapButton>
      <MapButton onClick={pan(0, -1)}>{t("map.panNorth")}</MapButton>
      <MapButton onClick={pan(0, 1)}>{t("map.panSouth")}</MapButton>
      <MapButton onClick={pan(-1, 0)}>{t("map.panWest")}</MapButton>
      <MapButton onClick={pan(1, 0)}>{t("map.panEast")}</MapButton>
      <MapButton onClick={() => map.fitBounds(boundsOf(boundary), { padding: [10, 10] })}>
        {t("map.wholeWard")}
      </MapButton>
    </div>
  );
}

function boundsOf(boundary: Geometry): L.LatLngBounds {
  return L.latLngBounds(polygonsOf(boundary).flat(2).map(latLngOf));
}

/**
 * The outline map's Projection, in Leaflet's layer pixels (Web Mercator at the current zoom), so
 * the drawing code of the outline map draws unchanged over the tiles.
 */
function layerProjection(map: L.Map, outline: Projection): Projection {
  const toSvg = (position: number[]): Position => {
    const p = map.latLngToLayerPoint(latLngOf(position));
    return [p.x, p.y];
  };
  const point = (p: number[]) =>
    toSvg(p)
      .map((n) => n.toFixed(1))
      .join(",");
  const size = map.getSize();
  return {
    width: size.x,
    height: size.y,
    toSvg,
    toLonLat: (x, y) => {
      const at = map.layerPointToLatLng([x, y]);
      return [at.lng, at.lat];
    },
    pathOf: (geometry) =>
      polygonsOf(geometry)
        .map((rings) => rings.map((ring) => `M${ring.map(point).join("L")}Z`).join(""))
        .join(""),
    bounds: outline.bounds,
  };
}

/** Black on a white halo, as on the outline map. */
function Crosshair({ at: [x, y] }: { at: Position }) {
  const lines = `M${x - 14},${y}H${x + 14}M${x},${y - 14}V${y + 14}`;
  return (
    <g pointerEvents="none" data-crosshair="">
      <path d={lines} stroke="white" strokeWidth="5" />
      <path d={lines} stroke="black" strokeWidth="2" />
      <circle cx={x} cy={y} r="6" fill="none" stroke="black" strokeWidth="2" />
    </g>
  );
}
