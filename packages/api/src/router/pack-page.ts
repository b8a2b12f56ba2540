import { packMapLabel, type PackView, renderPackHtml } from "@wardpanel/packs";
import { z } from "zod";

import { Geometry } from "./wards-output";

/** What a pack page shows: the view's own text, and the body as HTML (escaped by @wardpanel/packs). */
export const PackPage = z.object({
  title: z.string(),
  ward: z.object({ code: z.string(), name: z.string(), nameWelsh: z.string().nullable(), boroughName: z.string() }),
  month: z.string(),
  monthLabel: z.string(),
  total: z.number(),
  /** The headline in one sentence, against earlier months ("Down by a third on November."). */
  headline: z.string(),
  pdfPath: z.string(),
  html: z.string(),
  /** The crime map's data in WGS84, so the web page can draw it over street map tiles when MAP_TILE_URL is set. */
  map: z.object({
    label: z.string(),
    boundary: Geometry,
    spots: z.array(z.object({ lon: z.number(), lat: z.number(), count: z.number() })),
  }),
});

/** A ward's published packs, newest first: the public library of past months. */
export const PublishedPackList = z.object({
  ward: z.object({ code: z.string(), name: z.string(), nameWelsh: z.string().nullable(), boroughName: z.string() }),
  packs: z.array(z.object({ month: z.string(), publishedAt: z.date() })),
});

/** The page of a pack's view model, as the web page, the PDF and the e-mail are drawn from the same model. */
export function packPageOf(view: PackView): z.infer<typeof PackPage> {
  return {
    title: view.title,
    ward: {
      code: view.ward.code,
      name: view.ward.name,
      nameWelsh: view.ward.nameWelsh,
      boroughName: view.ward.boroughName,
    },
    month: view.month,
    monthLabel: view.monthLabel,
    total: view.headline.total,
    headline: view.headline.sentence,
    pdfPath: view.paths.pdf,
    html: renderPackHtml(view),
    map: {
      label: packMapLabel(view),
      boundary: view.map.boundary,
      spots: view.map.spots.map(({ lon, lat, count }) => ({ lon, lat, count })),
    },
  };
}
