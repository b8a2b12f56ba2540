import { useId } from "react";
import { useTranslation } from "react-i18next";

import { MapCanvas } from "./map-canvas";
import { MapButton } from "./map-controls";
import { describePosition, type Geometry, projectionFor, round6 } from "./map-projection";
import { usePositionWords } from "./position-words";

type Point = { lon: number; lat: number };
type PointPickerProps = {
  boundary: Geometry;
  wardName: string;
  value: Point | null;
  onChange: (value: Point | null) => void;
};

/** Marks one place on the ward map: by click, tap or keyboard, with the result said in words. */
export function PointPicker({ boundary, wardName, value, onChange }: PointPickerProps) {
  const { t } = useTranslation();
  const instructionsId = useId();
  const words = usePositionWords();
  const where = value ? words.where(describePosition(boundary, projectionFor(boundary), [value.lon, value.lat])) : null;

  return (
    <div>
      <p id={instructionsId} className="mb-2 text-sm text-slate-700">
        {t("map.markInstructions")}
      </p>
      <MapCanvas
        boundary={boundary}
        label={t("map.markLabel", { ward: wardName })}
        instructionsId={instructionsId}
        start={value ? [value.lon, value.lat] : null}
        onPlace={(position) => {
          const [lon, lat] = round6(position);
          onChange({ lon, lat });
        }}
      >
        {(projection) => value && <Marker at={projection.toSvg([value.lon, value.lat])} />}
      </MapCanvas>
      <p role="status" className="my-2">
        {where ? t("map.marked", { where }) : t("map.notMarked")}
      </p>
      <MapButton isAvailable={value !== null} onClick={() => onChange(null)}>
        {t("map.clear")}
      </MapButton>
    </div>
  );
}

/** A pin: dark red with a white ring, and a dot, so it reads on any background and in greyscale. */
function Marker({ at: [x, y] }: { at: [number, number] }) {
  return (
    <g pointerEvents="none">
      <circle cx={x} cy={y} r="9" fill="#991b1b" stroke="white" strokeWidth="3" />
      <circle cx={x} cy={y} r="3" fill="white" />
    </g>
  );
}
