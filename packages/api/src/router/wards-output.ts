import { OFFICER_RANKS } from "@wardpanel/validators";
import { z } from "zod";

import { MeetingView } from "./meeting-view";
import { ResponseFigureOutput } from "./message-output";

/**
 * Output schemas of the public ward procedures: what we promise the public pages. `nameWelsh` is
 * the ward's Welsh name where the boundary file gave one (`WDyyNMW`), null otherwise: the Welsh
 * pages show it, falling back to `name`.
 */
const WardSummary = z.object({
  code: z.string(),
  name: z.string(),
  nameWelsh: z.string().nullable(),
  boroughCode: z.string(),
  boroughName: z.string(),
});

const FoundWard = WardSummary.extend({ postcodeCount: z.number().nullable() });

/** Where to go instead when a place is outside the wards Ward Panel covers: a sentence and police.uk. */
const Outside = z
  .object({ message: z.string(), policeUkUrl: z.string(), boroughsWithoutPostcodes: z.array(z.string()) })
  .nullable();

/**
 * The find-your-ward answer (db `findWards`): how the query was read, the wards found, and, for a
 * postcode, sector or outward code in none of the loaded wards, `outside`. A terminated postcode
 * still names its ward, with `terminatedOn` ("YYYY-MM").
 */
export const WardSearchResult = z.object({
  kind: z.enum(["postcode", "sector", "outward", "name", "all"]),
  postcode: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  wards: z.array(FoundWard),
  outside: Outside,
  /** A full postcode not held whose sector is: the sector's wards, beside police.uk. */
  unknownInSector: z.object({ sector: z.string(), wards: z.array(FoundWard), policeUkUrl: z.string() }).nullable(),
});

/** "Use my location": the loaded ward containing the point, or `outside`. */
export const WardAtPointResult = z.object({ ward: WardSummary.nullable(), outside: Outside });

/** A ward boundary as GeoJSON (WGS84), as maps draw it. */
export const Geometry = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
]);

/**
 * A retired ward (decision 0026): the day it stopped being in force ("YYYY-MM-DD") and the wards in
 * force that cover it, largest share (0–1) of its area first.
 */
export const FormerWard = z.object({
  retiredOn: z.string(),
  successors: z.array(
    z.object({ code: z.string(), name: z.string(), nameWelsh: z.string().nullable(), share: z.number() }),
  ),
});

export const PublicWardPage = z.object({
  ward: WardSummary.extend({ boundary: Geometry, label: z.tuple([z.number(), z.number()]) }),
  /** Set for a retired ward, whose page stays readable; null while the ward is in force. */
  former: FormerWard.nullable(),
  team: z.object({
    contacts: z
      .object({
        baseName: z.string().nullable(),
        baseAddress: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        publicNote: z.string().nullable(),
        updatedAt: z.date().nullable(),
      })
      .nullable(),
    officers: z.array(
      z.object({ id: z.number(), name: z.string(), rank: z.enum(OFFICER_RANKS), email: z.string().nullable() }),
    ),
  }),
  panel: z.object({ name: z.string(), chairName: z.string().nullable(), memberCount: z.number() }).nullable(),
  /** A sergeant or chair on Ward Panel could act on a concern raised here; without one the form is not offered. */
  takesConcerns: z.boolean(),
  /** A sergeant or team member on Ward Panel would read a message to the team; without one the form is not offered. */
  takesMessages: z.boolean(),
  /** Messages of the last 90 days answered within the response target (the ward publishes its own figure). */
  responseFigure: ResponseFigureOutput,
  upcomingMeetings: z.array(MeetingView),
});
