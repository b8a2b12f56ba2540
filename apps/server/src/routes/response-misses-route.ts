import type { Db } from "@wardpanel/db/client";
import { listResponseMisses, resolveMissesPeriod } from "@wardpanel/db/queries/response-misses";
import { DomainError, MissesPeriodInput, wardsWhereMay } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import { sendMissesCsv } from "./response-misses-csv";
import { requireViewer } from "./staff-access";

/**
 * GET /api/response-misses.csv?from=YYYY-MM-DD&to=YYYY-MM-DD — the staff app's "Download CSV" of
 * missed response targets: the same report as the feed's /feed/v1/responses/misses.csv, for the
 * wards where the signed-in person may see the response record (`seeCallResponses`: sergeants and
 * chairs; admins every ward). 401 signed out, 403 with no such ward, 400 naming `from`/`to`.
 */
export function registerResponseMissesCsv(
  app: FastifyInstance,
  db: Db,
  { secureCookies, targetMinutes }: { secureCookies: boolean; targetMinutes: number },
): void {
  app.get<{ Querystring: Record<string, unknown> }>("/api/response-misses.csv", async (request, reply) => {
    const viewer = requireViewer({ db, request, reply, secureCookies });
    const wardCodes = wardsWhereMay(viewer.roles, "seeCallResponses");
    if (wardCodes?.length === 0)
      throw new DomainError(
        "forbidden",
        "Only a ward's sergeant or chair, or an admin, can see missed response targets",
      );
    const parsed = MissesPeriodInput.safeParse({ from: request.query.from, to: request.query.to });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError("invalid", issue?.message ?? "Give the period as from and to", String(issue?.path[0]));
    }
    const now = new Date();
    const period = resolveMissesPeriod(parsed.data, now);
    return sendMissesCsv(reply, period, listResponseMisses(db, { scope: { wardCodes }, period, targetMinutes, now }));
  });
}
