import type { Db } from "@wardpanel/db/client";
import { getDraftPackData, getPublishedPackData, type PackRef, type PackRow } from "@wardpanel/db/queries/packs";

import { buildPackView, type PackView } from "./view-model";

/** The draft (or, once published, the frozen) view of a ward's month, for the sergeant's review. */
export function getDraftPackView(
  db: Db,
  params: PackRef & { now: Date; callTargetMinutes?: number },
): { pack: PackRow; view: PackView } {
  const { pack, data } = getDraftPackData(db, params);
  return { pack, view: buildPackView(data) };
}

/**
 * The published view of a ward's month, or null: the only thing the public ever sees. Written in
 * `language` (a catalogue code; English by default, and for a code with no catalogue).
 */
export function getPublishedPackView(db: Db, ref: PackRef, language?: string): PackView | null {
  const data = getPublishedPackData(db, ref);
  return data ? buildPackView(data, language) : null;
}
