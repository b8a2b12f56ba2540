import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { canActOnForce, isAdmin, type Viewer } from "@wardpanel/api";
import { forceIdForBorough } from "@wardpanel/crime-data";
import type { Db } from "@wardpanel/db/client";
import { generateDraftPacks, getDraftPackView, renderPackPdf } from "@wardpanel/packs";
import { BoroughCode, DomainError } from "@wardpanel/validators";
import { requireForceRole, requireWardRole } from "../staff-access";
import { registerCrimeImportRoutes } from "./crime-import-routes";
import { packRefOf } from "./params";
import { pageOf } from "./public-routes";

/**
 * Drafting packs for a borough is force-wide work, like importing: an admin, or an analyst for the
 * force that polices the borough. Only an admin drafts for all of London at once.
 */
function requireDraftingRole(db: Db, request: FastifyRequest, reply: FastifyReply, boroughCode: string | null, secureCookies: boolean): Viewer | null {
  const viewer = requireForceRole(db, request, reply, ["analyst"], "Only a crime data analyst or an admin can draft packs for many wards at once", secureCookies);
  if (!viewer || isAdmin(viewer)) return viewer;
  const force = boroughCode === null ? null : forceIdForBorough(boroughCode);
  if (force === null || !canActOnForce(viewer, force, ["analyst"])) {
    void reply.code(403).send({ error: boroughCode === null ? "Only an admin can draft packs for all of London at once; choose a borough" : "That borough is policed by a force you do not import crime data for" });
    return null;
  }
  return viewer;
}

export async function registerStaffPackRoutes(app: FastifyInstance, db: Db, secureCookies: boolean): Promise<void> {
  await registerCrimeImportRoutes(app, db, secureCookies);

  // The draft as it stands (or the published pack), for the ward's sergeant and chair.
  app.get<{ Params: { wardCode: string; month: string } }>("/api/staff/wards/:wardCode/packs/:month", async (request, reply) => {
    const ref = packRefOf(request.params);
    if (!ref) return reply.code(404).send({ error: "There is no such pack" });
    if (!requireWardRole(db, request, reply, ref.wardCode, ["sergeant", "chair"], secureCookies)) return reply;
    try {
      const { pack, view } = getDraftPackView(db, { ...ref, now: new Date() });
      return reply.header("cache-control", "private, no-store").send(
        pageOf(view, { status: pack.status, commentary: pack.commentary, partnerActions: pack.partnerActions, publishedAt: pack.publishedAt }),
      );
    } catch (error) {
      if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
      throw error;
    }
  });

  app.get<{ Params: { wardCode: string; month: string } }>("/api/staff/wards/:wardCode/packs/:month/draft.pdf", async (request, reply) => {
    const ref = packRefOf(request.params);
    if (!ref) return reply.code(404).send({ error: "There is no such pack" });
    if (!requireWardRole(db, request, reply, ref.wardCode, ["sergeant", "chair"], secureCookies)) return reply;
    try {
      const { view } = getDraftPackView(db, { ...ref, now: new Date() });
      return reply.type("application/pdf").header("cache-control", "private, no-store").send(await renderPackPdf(view));
    } catch (error) {
      if (error instanceof DomainError) return reply.code(404).send({ error: error.message });
      throw error;
    }
  });

  /**
   * Draft packs for a borough or all of London, streamed as NDJSON progress lines
   * ({"done":12,"total":704,…}) and a last {"result":…} line, so the page can show a progress bar.
   */
  app.post<{ Body: { month?: string; boroughCode?: string | null } }>("/api/staff/pack-drafts", async (request, reply) => {
    const month = request.body?.month ?? "";
    const borough = request.body?.boroughCode ? BoroughCode.safeParse(request.body.boroughCode) : null;
    if (!requireDraftingRole(db, request, reply, request.body?.boroughCode?.trim().toUpperCase() || null, secureCookies)) return reply;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return reply.code(400).send({ field: "month", error: "Give the month as YYYY-MM" });
    if (borough && !borough.success) return reply.code(400).send({ field: "boroughCode", error: "A borough code looks like E09000007" });
    reply.hijack();
    reply.raw.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
    let last = 0;
    try {
    const result = await generateDraftPacks(db, {
      month,
      boroughCode: borough?.data ?? null,
      now: new Date(),
      onProgress: (p) => {
        if (p.done === p.total || p.done - last >= Math.max(1, Math.floor(p.total / 50))) {
          last = p.done;
          reply.raw.write(`${JSON.stringify(p)}\n`);
        }
      },
    });
    reply.raw.end(`${JSON.stringify({ result })}\n`);
    } catch (error) {
      request.log.error({ err: error }, "drafting packs failed");
      reply.raw.end(`${JSON.stringify({ error: "Drafting stopped on an unexpected error; the drafts made so far are kept. Try again." })}\n`);
    }
  });
}
