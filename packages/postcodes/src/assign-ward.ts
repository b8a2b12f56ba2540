import type { WardIndex } from "@wardpanel/crime-data";

import type { PostcodeRecord } from "./postcode-record";

/** How a postcode got its ward: the file's own ward code, or our point-in-polygon test. */
export type WardAssignedBy = "file" | "point_in_polygon";

/** The ward a postcode is in, or null when it is outside every loaded ward (or has no location). */
export type WardAssignment = { wardCode: string; assignedBy: WardAssignedBy } | null;

export type WardAssigner = (record: Pick<PostcodeRecord, "wardCode" | "lat" | "lon">) => WardAssignment;

/**
 * Gives each postcode a loaded ward. The file's own ward code wins whenever it names a loaded ward:
 * ONS assigns wards with full-resolution boundaries, while ours are generalised (~37 points a
 * ward), so near an edge our point-in-polygon can pick the neighbour. Point in polygon (crime-data's
 * ward index, the same one crimes are placed with) answers only when the file's code is missing or
 * names a ward we have not loaded (another edition's code, say).
 */
export function createWardAssigner(index: Pick<WardIndex, "wards" | "wardAt">): WardAssigner {
  const loaded = new Set(index.wards.map((w) => w.code));
  return ({ wardCode, lat, lon }) => {
    if (wardCode !== null && loaded.has(wardCode)) return { wardCode, assignedBy: "file" };
    if (lat === null || lon === null) return null;
    const ward = index.wardAt(lon, lat);
    return ward ? { wardCode: ward.code, assignedBy: "point_in_polygon" } : null;
  };
}
