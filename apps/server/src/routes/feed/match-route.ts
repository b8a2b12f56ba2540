import { isWardCode } from "@wardpanel/priority-feed";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { keyOf } from "./feed-auth";
import type { FeedState } from "./feed-state";
import { sendInvalid, sendProblem } from "./problem";

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`).optional();

export const MatchRequest = z
  .object({
    lon: z.number({ error: "lon must be a number (WGS84 longitude)" }).min(-180).max(180).optional(),
    lat: z.number({ error: "lat must be a number (WGS84 latitude)" }).min(-90).max(90).optional(),
    street: text(200),
    ward: z
      .string()
      .trim()
      .refine(isWardCode, "ward must be an ONS ward code: a letter and 8 digits, e.g. E05013653")
      .optional(),
    postcode: text(10),
    beat: text(40),
    category: text(100),
    at: z.iso
      .datetime({ offset: true, error: "at must be an ISO 8601 time with an offset, e.g. 2026-11-25T18:30:00Z" })
      .optional(),
  })
  .superRefine((call, ctx) => {
    if ((call.lon === undefined) !== (call.lat === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [call.lon === undefined ? "lon" : "lat"],
        message: "Give both lon and lat, or neither",
      });
    } else if (call.lon === undefined && !call.street && !call.postcode && !call.beat) {
      ctx.addIssue({
        code: "custom",
        path: ["lon"],
        message: "Give a location: lon and lat, a street, a postcode or a beat",
      });
    }
  });

/**
 * POST /match — the matcher over HTTP for systems that cannot run our package. Who may call:
 * any live key; only priorities in its boroughs are returned. The matcher is the feed's current
 * view's (feed-state.ts: rebuilt aside after each change, never while a request waits), shared by every key. A call with a street and a point but no `ward`
 * is given the ward containing the point, so its street matches only that ward's priorities
 * (the package cannot do this itself: the feed carries no ward boundaries).
 */
export function registerMatchRoute(app: FastifyInstance, state: FeedState): void {
  app.post("/match", async (request, reply) => {
    if (typeof request.body !== "object" || request.body === null || Array.isArray(request.body)) {
      return sendProblem(
        reply,
        400,
        "Send a JSON object with any of lon, lat, street, ward, postcode, beat, category, at.",
        {
          field: "body",
          slug: "invalid",
        },
      );
    }
    const parsed = MatchRequest.safeParse(request.body);
    if (!parsed.success) return sendInvalid(reply, parsed.error);
    const { boroughCodes } = keyOf(request);
    const call = parsed.data;
    const ward =
      call.ward ??
      (call.street && call.lon !== undefined && call.lat !== undefined ? state.wardAt(call.lon, call.lat) : null);
    const found = state.matcher().match({ ...call, ward });
    const matches = found
      .filter(({ priority }) => boroughCodes.length === 0 || boroughCodes.includes(priority.ward.borough.code))
      .map(({ priority, matchedOn }) => ({
        id: priority.id,
        title: priority.title,
        ward: priority.ward,
        responseTargetMinutes: priority.callHandling.responseTargetMinutes,
        responseTarget: priority.callHandling.responseTarget ?? null,
        popupText: priority.popupText,
        matchedOn,
      }));
    return reply.header("cache-control", "no-store").send({ matches });
  });
}
