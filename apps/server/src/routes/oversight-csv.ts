import type { Db } from "@wardpanel/db/client";
import { getMessageOversight } from "@wardpanel/db/queries/message-figures";
import { getOversight } from "@wardpanel/db/queries/oversight";
import { BOROUGH_CODE_PATTERN, DomainError } from "@wardpanel/validators";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";

import { requireAdmin } from "./staff-access";

const COLUMNS = [
  { key: "wardCode", header: "Ward code" },
  { key: "wardName", header: "Ward" },
  { key: "boroughName", header: "Borough" },
  { key: "advertisedThisMonth", header: "Meetings advertised this month" },
  { key: "advertisedNextMonth", header: "Meetings advertised next month" },
  { key: "minutesOverdue", header: "Meetings without minutes after 28 days" },
  { key: "overdueActions", header: "Overdue actions" },
  { key: "outOfDatePriorities", header: "Priorities not reviewed for 90 days" },
];

const MESSAGE_COLUMNS = [
  { key: "wardCode", header: "Ward code" },
  { key: "wardName", header: "Ward" },
  { key: "boroughName", header: "Borough" },
  { key: "received", header: "Messages received (90 days)" },
  { key: "withinTarget", header: "Answered within target" },
  { key: "late", header: "Answered late" },
  { key: "overdue", header: "Overdue (no reply after the target)" },
  { key: "waiting", header: "Waiting (within target)" },
  { key: "share", header: "Share answered within target (%)" },
];

/** The borough code of `?borough=`, or "" for all of London; DomainError("invalid") for anything else. */
function boroughOf(query: { borough?: string }): string {
  const borough = query.borough ?? "";
  if (borough !== "" && !BOROUGH_CODE_PATTERN.test(borough))
    throw new DomainError("invalid", "A borough or district code looks like E09000007 or E07000130", "borough");
  return borough;
}

/**
 * The oversight tables as CSV for the central unit's spreadsheet: the monthly check, and messages
 * answered within the response target (`responseTargetHours`) per ward. Admins only.
 */
export function registerOversightCsv(
  app: FastifyInstance,
  db: Db,
  { secureCookies, responseTargetHours }: { secureCookies: boolean; responseTargetHours: number },
): void {
  app.get<{ Querystring: { borough?: string } }>("/api/oversight-messages.csv", async (request, reply) => {
    requireAdmin({ db, request, reply, secureCookies });
    const borough = boroughOf(request.query);
    const { wards } = getMessageOversight(db, {
      boroughCode: borough || null,
      targetHours: responseTargetHours,
      now: new Date(),
    });
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="ward-panel-messages${borough ? `-${borough}` : ""}.csv"`)
      .header("cache-control", "private, no-store")
      .send(
        stringify(
          wards.map((w) => ({ ...w, share: w.share === null ? "" : Math.round(w.share * 1000) / 10 })),
          { header: true, columns: MESSAGE_COLUMNS },
        ),
      );
  });
  app.get<{ Querystring: { borough?: string } }>("/api/oversight.csv", async (request, reply) => {
    requireAdmin({ db, request, reply, secureCookies });
    const borough = boroughOf(request.query);
    const rows = getOversight(db, { boroughCode: borough || null, now: new Date() });
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="ward-panel-oversight${borough ? `-${borough}` : ""}.csv"`)
      .header("cache-control", "private, no-store")
      .send(
        stringify(
          rows.map((r) => ({ ...r, outOfDatePriorities: r.outOfDatePriorities.length })),
          { header: true, columns: COLUMNS },
        ),
      );
  });
}
