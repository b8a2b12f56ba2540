import { readPostcodeQuery } from "@wardpanel/postcodes";

import type { Db } from "../client";
import { getPostcodeWard, getWardAtPoint, listBoroughsWithoutPostcodes, listCoveringWards } from "./postcodes";
import { searchWards, type WardSummary } from "./wards";

/** Where to send someone whose postcode is outside the wards Ward Panel covers. */
export const POLICE_UK_URL = "https://www.police.uk/";

/** How the query was read: a full postcode, a sector ("NW3 4"), an outward code ("NW3"), a name, or nothing (list all). */
export type WardQueryKind = "postcode" | "sector" | "outward" | "name" | "all";

export type FoundWard = WardSummary & {
  /** For a sector or outward code: how many of its live postcodes are in this ward; otherwise null. */
  postcodeCount: number | null;
};

/**
 * The answer to the find-your-ward box. `wards` is what was found (a postcode's one ward; the
 * wards covering a sector or outward code, most postcodes first; name matches, best first).
 * `outside` is set when a postcode, sector or outward code is in none of the loaded wards, with a
 * sentence to show and police.uk's address. `terminatedOn` ("YYYY-MM") marks a postcode no longer
 * in use, which still finds the ward it was in.
 */
export type FindWardsResult = {
  kind: WardQueryKind;
  /** The postcode, sector or outward code as read ("NW3 4QG", "NW3 4", "NW3"); null for a name. */
  postcode: string | null;
  terminatedOn: string | null;
  wards: FoundWard[];
  /** `boroughsWithoutPostcodes`: loaded boroughs with no postcodes, where an unknown postcode may still be. */
  outside: { message: string; policeUkUrl: string; boroughsWithoutPostcodes: string[] } | null;
  /**
   * A full postcode we do not hold whose sector we do ("NW3 9ZZ" when NW3 9 is ours): it is
   * mistyped, too new, or just outside our wards, so the sector's wards are offered beside police.uk.
   */
  unknownInSector: { sector: string; wards: FoundWard[]; policeUkUrl: string } | null;
};

export type FindWardsParams = { query: string; boroughCode?: string | undefined; limit?: number };

/**
 * Reads one query string as a postcode (any case or spacing), a sector, an outward code, or a ward
 * or borough name (forgiving: see searchWardNames), and finds the wards it means. A borough code,
 * when given, narrows the wards found.
 */
export function findWards(db: Db, { query, boroughCode, limit = 50 }: FindWardsParams): FindWardsResult {
  const inBorough = (ward: WardSummary) => !boroughCode || ward.boroughCode === boroughCode;
  const read = readPostcodeQuery(query);

  if (read?.kind === "postcode") {
    const found = getPostcodeWard(db, read.pcds);
    const wards = found && inBorough(found.ward) ? [{ ...found.ward, postcodeCount: null }] : [];
    const sectorWards = found ? [] : listCoveringWards(db, { sector: read.sector }).filter(inBorough).slice(0, limit);
    return {
      kind: "postcode",
      postcode: read.pcds,
      terminatedOn: found?.terminatedOn ?? null,
      wards,
      outside: found || sectorWards.length > 0 ? null : outsideAnswer(read.pcds, listBoroughsWithoutPostcodes(db)),
      unknownInSector:
        sectorWards.length > 0 ? { sector: read.sector, wards: sectorWards, policeUkUrl: POLICE_UK_URL } : null,
    };
  }
  if (read) {
    const area = read.kind === "sector" ? read.sector : read.outward;
    const covering = listCoveringWards(
      db,
      read.kind === "sector" ? { sector: read.sector } : { outward: read.outward },
    );
    const wards = covering.filter(inBorough).slice(0, limit);
    return {
      kind: read.kind,
      postcode: area,
      terminatedOn: null,
      wards,
      outside: covering.length === 0 ? outsideAnswer(area, listBoroughsWithoutPostcodes(db)) : null,
      unknownInSector: null,
    };
  }
  const wards = searchWards(db, { query, boroughCode, limit }).map((ward) => ({ ...ward, postcodeCount: null }));
  return {
    kind: query.trim() === "" ? "all" : "name",
    postcode: null,
    terminatedOn: null,
    wards,
    outside: null,
    unknownInSector: null,
  };
}

/** "Use my location": the loaded ward at a WGS84 point, or where to go instead. */
export function findWardAtPoint(
  db: Db,
  point: { lat: number; lon: number },
): { ward: WardSummary | null; outside: FindWardsResult["outside"] } {
  const ward = getWardAtPoint(db, point);
  return { ward, outside: ward ? null : outsideAnswer("Your location", []) };
}

/**
 * Where to go instead. When some boroughs' wards are loaded without their postcodes, a postcode
 * we do not hold may still be in one of them: say so, and offer a search by name, rather than
 * calling it outside.
 */
function outsideAnswer(place: string, boroughsWithoutPostcodes: string[]) {
  const message =
    boroughsWithoutPostcodes.length === 0
      ? `${place} is outside the wards Ward Panel covers. Find your neighbourhood policing team on police.uk.`
      : `${place} is not among the postcodes Ward Panel holds. Postcodes are not loaded yet for ${boroughsWithoutPostcodes.length} of the boroughs it covers: search by your ward or borough name instead, or find your neighbourhood policing team on police.uk.`;
  return { message, policeUkUrl: POLICE_UK_URL, boroughsWithoutPostcodes };
}
