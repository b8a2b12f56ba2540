import type { FastifyInstance } from "fastify";
import type { Db } from "@wardpanel/db/client";
import { listPublishedPacks } from "@wardpanel/db/queries/packs";
import { getWard } from "@wardpanel/db/queries/wards";
import { getPublishedPackView, renderPackHtml, renderPackPdf, type PackView } from "@wardpanel/packs";
import { DomainError, WardCode } from "@wardpanel/validators";
import { packRefOf } from "./params";

/** What the pack page receives: the view's text for the page itself and the body as HTML. */
export function pageOf(view: PackView, extra: Record<string, unknown> = {}) {
  return {
    title: view.title,
    ward: view.ward,
    month: view.month,
    monthLabel: view.monthLabel,
    total: view.headline.total,
    pdfPath: view.paths.pdf,
    html: renderPackHtml(view),
    ...extra,
  };
}

/** The public side: published packs only, as page data and as an A4 PDF. */
export function registerPublicPackRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { wardCode: string } }>("/api/wards/:wardCode/packs", async (request, reply) => {
    const ward = WardCode.safeParse(request.params.wardCode);
    if (!ward.success) return reply.code(404).send({ error: "There is no such ward" });
    try {
      const { code, name, boroughName } = getWard(db, ward.data);
      return { ward: { code, name, boroughName }, packs: listPublishedPacks(db, ward.data) };
    } catch (error) {
      if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
      throw error;
    }
  });

  app.get<{ Params: { wardCode: string; month: string } }>("/api/wards/:wardCode/packs/:month", async (request, reply) => {
    const ref = packRefOf(request.params);
    const view = ref ? getPublishedPackView(db, ref) : null;
    if (!view) return reply.code(404).send({ error: "This ward has no published update for that month" });
    return reply.header("cache-control", "public, max-age=300").send(pageOf(view, { status: "published" }));
  });

  // `/wards/E05…/packs/2024-12.pdf`: the regular expression keeps the page path itself for the web app.
  app.get<{ Params: { wardCode: string; month: string } }>("/wards/:wardCode/packs/:month(^\\d{4}-\\d{2}).pdf", async (request, reply) => {
    const ref = packRefOf(request.params);
    const view = ref ? getPublishedPackView(db, ref) : null;
    if (!view) return reply.code(404).type("text/plain").send("This ward has no published update for that month.");
    const pdf = await renderPackPdf(view);
    const name = `${view.ward.name.replace(/[^A-Za-z0-9]+/g, "-")}-${view.month}.pdf`;
    return reply
      .type("application/pdf")
      .header("content-disposition", `inline; filename="${name}"`)
      .header("cache-control", "public, max-age=300")
      .send(pdf);
  });
}
