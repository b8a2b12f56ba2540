import type { AreaGeometry } from "@wardpanel/validators";

import { AreaMapEditor } from "./area-map-editor";
import type { Geometry } from "./map-projection";

/** The priority form's "where on the map": the SVG area editor over the ward boundary, in one part or several. */
export function PriorityAreaEditor({
  boundary,
  wardName,
  value,
  onChange,
}: {
  boundary: Geometry;
  wardName: string;
  value: AreaGeometry | null;
  onChange: (area: AreaGeometry | null) => void;
}) {
  return <AreaMapEditor boundary={boundary} wardName={wardName} value={value} onChange={onChange} />;
}
