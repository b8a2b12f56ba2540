import type { Db } from "@wardpanel/db/client";
import { listResponseMisses, resolveMissesPeriod } from "@wardpanel/db/queries/response-misses";
import { MissesPeriodInput } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import { sendMissesCsv } from "../response-misses-csv";
import { keyOf } from "./feed-auth";
import { sendInvalid } from "./problem";

/**
 * GET /responses/misses.csv?from=YYYY-MM-DD&to=YYYY-MM-DD — the managers' daily report: every call
 * reported (by any control room) for a priority in the key's boroughs, received in the period
 * (London days, both inclusive; default yesterday), whose unit arrived later than the force's
 * target or has not arrived with the target passed. Bad dates, a reversed period or one longer than
 * 366 days are a 400 problem naming `from` or `to`.
 */
export function registerMissesRoute(app: FastifyInstance, db: Db, targetMinutes: number): void {
  app.get("/responses/misses.csv", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const parsed = MissesPeriodInput.safeParse({ from: query.from, to: query.to });
    if (!parsed.success) return sendInvalid(reply, parsed.error);
    const now = new Date();
    // A DomainError naming `to` becomes a 400 problem in the feed's error handler.
    const period = resolveMissesPeriod(parsed.data, now);
    const misses = listResponseMisses(db, {
      scope: { boroughCodes: keyOf(request).boroughCodes },
      period,
      targetMinutes,
      now,
    });
    return sendMissesCsv(reply, period, misses);
  });
}
