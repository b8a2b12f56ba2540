import { useTranslation } from "react-i18next";

import type { PositionPart } from "./map-projection";

/**
 * A point's place in its ward in the page's language: `where("north-west")` is "in the north-west
 * of the ward" in English, `crosshair(part)` the sentence the map says as the crosshair moves.
 * Each language words it whole (Welsh mutates the word after "yn"), so the catalogue holds every part.
 */
export function usePositionWords() {
  const { t } = useTranslation();
  const where = (part: PositionPart) => t(`mapPosition.${part}`);
  return { where, crosshair: (part: PositionPart) => t("mapPosition.crosshair", { where: where(part) }) };
}
