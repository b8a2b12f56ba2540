import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fastifyMultipart from "@fastify/multipart";
import { isAdmin, type Viewer } from "@wardpanel/api";
import { CrimeFileError, UnknownForceError } from "@wardpanel/crime-data";
import type { Db } from "@wardpanel/db/client";
import { listCrimeImports } from "@wardpanel/db/queries/crimes";
import { generateDraftPacks, getDraftPackView, importCrimeFiles, renderPackPdf, type CrimeFileInput } from "@wardpanel/packs";
import { BoroughCode, DomainError } from "@wardpanel/validators";
import { optionalViewer, requireWardRole } from "../staff-access";
import { packRefOf } from "./params";
import { pageOf } from "./public-routes";

/** A full Met month is about 25 MB; leave room, refuse anything far bigger. */
export const CRIME_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** Crime data covers a whole force, so any sergeant (or an admin) may import it and draft packs. */
function requireSergeantAnywhere(db: Db, request: FastifyRequest, reply: FastifyReply, secureCookies: boolean): Viewer | null {
  const viewer = optionalViewer(db, request, reply, secureCookies);
  if (!viewer) {
    void reply.code(401).send({ error: "Sign in to do this" });
    return null;
  }
  if (!isAdmin(viewer) && !viewer.roles.some((r) => r.role === "sergeant")) {
    void reply.code(403).send({ error: "Only a sergeant or an admin can import crime data" });
    return null;
  }
  return viewer;
}

export async function registerStaffPackRoutes(app: FastifyInstance, db: Db, secureCookies: boolean): Promise<void> {
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

  app.get("/api/staff/crime-imports", async (request, reply) => {
    if (!requireSergeantAnywhere(db, request, reply, secureCookies)) return reply;
    return reply.header("cache-control", "private, no-store").send({ imports: listCrimeImports(db) });
  });

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 2, fileSize: CRIME_FILE_MAX_BYTES, fields: 1, parts: 3 } });

    /** Multipart: `street` and/or `outcomes` files. Refusals name the file and line. */
    scope.post("/api/staff/crime-imports", async (request, reply) => {
      const viewer = requireSergeantAnywhere(db, request, reply, secureCookies);
      if (!viewer) return reply;
      const files: Partial<Record<"street" | "outcomes", CrimeFileInput>> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type !== "file") continue;
          if (part.fieldname !== "street" && part.fieldname !== "outcomes") {
            await part.toBuffer();
            continue;
          }
          const content = await part.toBuffer();
          if (part.file.truncated) return reply.code(413).send({ field: part.fieldname, error: `${part.filename} is larger than 64 MB` });
          if (content.byteLength > 0) files[part.fieldname] = { input: content, fileName: part.filename.slice(0, 200) };
        }
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") return reply.code(413).send({ error: "The file is larger than 64 MB" });
        throw error;
      }
      if (!files.street && !files.outcomes) return reply.code(400).send({ field: "street", error: "Choose a street-level crime file, an outcomes file, or both" });
      try {
        const result = await importCrimeFiles(db, { ...files, importedBy: viewer.id, now: new Date() });
        return reply.code(201).send(result);
      } catch (error) {
        if (error instanceof CrimeFileError) {
          // Which file: parse order is street then outcomes, and each refusal names its own layout.
          const field = files.street && !/outcomes/i.test(error.message) ? "street" : files.outcomes ? "outcomes" : "street";
          const file = files[field]?.fileName ?? "The file";
          return reply.code(422).send({ field, line: error.line, error: `${file} was not imported. ${error.message}. Nothing was changed.` });
        }
        if (error instanceof UnknownForceError) return reply.code(422).send({ error: `${error.message}. Nothing was changed.` });
        throw error;
      }
    });
  });

  /**
   * Draft packs for a borough or all of London, streamed as NDJSON progress lines
   * ({"done":12,"total":704,…}) and a last {"result":…} line, so the page can show a progress bar.
   */
  app.post<{ Body: { month?: string; boroughCode?: string | null } }>("/api/staff/pack-drafts", async (request, reply) => {
    const viewer = requireSergeantAnywhere(db, request, reply, secureCookies);
    if (!viewer) return reply;
    const month = request.body?.month ?? "";
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return reply.code(400).send({ field: "month", error: "Give the month as YYYY-MM" });
    const borough = request.body?.boroughCode ? BoroughCode.safeParse(request.body.boroughCode) : null;
    if (borough && !borough.success) return reply.code(400).send({ field: "boroughCode", error: "A borough code looks like E09000007" });
    if (!borough && !isAdmin(viewer)) return reply.code(403).send({ error: "Only an admin can draft packs for all of London at once; choose a borough" });
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
