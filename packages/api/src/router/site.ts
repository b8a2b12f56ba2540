import { forceIdForBorough } from "@wardpanel/crime-data";
import { getSearchExamples, listPostcodeSources } from "@wardpanel/db/queries/site-examples";
import { listBoroughs } from "@wardpanel/db/queries/wards";
import { z } from "zod";

import { createTRPCRouter, publicProcedure } from "../trpc";

/** The street map's tile source: an XYZ address ({z}/{x}/{y}, maybe {s}) and who the map is from, as plain text. */
export const MapTilesOutput = z.object({ url: z.string(), attribution: z.string() }).nullable();

/** Examples for the ward search from the data loaded, and which postcode files are loaded (for credits). */
export const LoadedDataOutput = z.object({
  postcodeSources: z.array(z.enum(["onspd", "code-point-open"])),
  examples: z
    .object({ postcode: z.string().nullable(), outward: z.string().nullable(), ward: z.string(), district: z.string() })
    .nullable(),
});

/** Site-wide settings the web app needs before it draws a page; nothing here is secret. */
export const siteRouter = createTRPCRouter({
  /**
   * The street map under ward maps (MAP_TILE_URL, MAP_ATTRIBUTION), or null when none is set and
   * maps show the ward outline alone. Public: every visitor's browser fetches the tiles itself.
   */
  mapTiles: publicProcedure.output(MapTilesOutput).query(({ ctx }) => ctx.mapTiles),

  /**
   * The force's call-handling response target in minutes (CALL_RESPONSE_TARGET_MINUTES, default 60):
   * what a flagged priority promises. Public: the promise is shown on public pages.
   */
  callResponseTargetMinutes: publicProcedure
    .output(z.number().int().positive())
    .query(({ ctx }) => ctx.callResponseTargetMinutes),

  /**
   * The police.uk ids of the forces that police the loaded wards (London's two forces by borough,
   * the deployment's own force, POLICE_FORCE_ID, elsewhere), the deployment's force first: whose
   * crime data this site imports. Public: it names forces, nothing else.
   */
  localForces: publicProcedure
    .output(z.array(z.string()))
    .query(({ ctx }) => [
      ...new Set([
        ctx.policeForceId,
        ...listBoroughs(ctx.db).map(({ code }) => forceIdForBorough(code, ctx.policeForceId)),
      ]),
    ]),

  /**
   * What is loaded, for the public pages' words (issue 13): examples for the ward search taken
   * from the loaded postcodes and wards (never London's on another force's site), and the postcode
   * files loaded, so the footer credits only data the site holds. Public: names places, nothing else.
   */
  loadedData: publicProcedure
    .output(LoadedDataOutput)
    .query(({ ctx }) => ({ postcodeSources: listPostcodeSources(ctx.db), examples: getSearchExamples(ctx.db) })),
});
