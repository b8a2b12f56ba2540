import type { Db } from "@wardpanel/db/client";
import { recordCallResponses } from "@wardpanel/db/queries/call-responses";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { keyOf } from "./feed-auth";
import { sendInvalid } from "./problem";

const Instant = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be an ISO 8601 time with an offset, e.g. 2026-11-25T18:30:00Z` })
    .transform((s) => new Date(s));

export const ResponsesRequest = z.object({
  responses: z
    .array(
      z.object({
        callReference: z
          .string({ error: "callReference is required" })
          .trim()
          .min(1, "callReference is required")
          .max(100, "Keep callReference under 100 characters"),
        // The feed's ids are strings; a number is accepted too.
        priorityId: z
          .union([
            z.string().regex(/^\d{1,12}$/, "priorityId must be a priority id from the feed"),
            z.number().int().positive(),
          ])
          .transform(Number),
        receivedAt: Instant("receivedAt"),
        arrivedAt: Instant("arrivedAt").nullable(),
      }),
      { error: "Send { responses: [...] }" },
    )
    .min(1, "Send at least one response")
    .max(1000, "Send at most 1,000 responses at a time"),
});

/**
 * POST /responses — the control room reports calls that matched a priority and when a unit
 * arrived. Who may call: any live key, for priorities in its boroughs. Idempotent on (key, call
 * reference, priority): resend freely; a later report of the same call replaces the earlier.
 */
export function registerResponsesRoute(app: FastifyInstance, db: Db): void {
  app.post("/responses", async (request, reply) => {
    const parsed = ResponsesRequest.safeParse(request.body);
    if (!parsed.success) return sendInvalid(reply, parsed.error);
    const key = keyOf(request);
    const result = recordCallResponses(db, {
      apiKeyId: key.id,
      boroughCodes: key.boroughCodes,
      reports: parsed.data.responses,
      now: new Date(),
    });
    return reply.send(result);
  });
}
