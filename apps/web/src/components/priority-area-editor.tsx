import type { AreaGeometry } from "@wardpanel/validators";
import { AreaMapEditor } from "./area-map-editor";

type Boundary = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };

/** The priority form's "where on the map": the SVG area editor over the ward boundary. */
export function PriorityAreaEditor({ boundary, wardName, value, onChange }: { boundary: Boundary; wardName: string; value: AreaGeometry | null; onChange: (area: AreaGeometry | null) => void }) {
  return (
    <AreaMapEditor
      boundary={boundary}
      wardName={wardName}
      value={value?.type === "Polygon" ? (value as never) : null}
      onChange={(polygon) => onChange(polygon as AreaGeometry | null)}
    />
  );
}
