import type { Db } from "@wardpanel/db/client";
import { getOversight } from "@wardpanel/db/queries/oversight";
import { DomainError } from "@wardpanel/validators";
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

/** The oversight table as CSV for the central unit's spreadsheet. Admins only. */
export function registerOversightCsv(app: FastifyInstance, db: Db, secureCookies: boolean): void {
  app.get<{ Querystring: { borough?: string } }>("/api/oversight.csv", async (request, reply) => {
    requireAdmin({ db, request, reply, secureCookies });
    const borough = request.query.borough ?? "";
    if (borough !== "" && !/^E09\d{6}$/.test(borough))
      throw new DomainError("invalid", "A borough code looks like E09000007", "borough");
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
