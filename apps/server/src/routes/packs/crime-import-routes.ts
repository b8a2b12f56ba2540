import type { FastifyInstance, FastifyReply } from "fastify";
import fastifyMultipart from "@fastify/multipart";
import { canActOnForce, type Viewer } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { createCrimeImportStage, getCrimeImportStage } from "@wardpanel/db/queries/crime-import-stages";
import { commitCrimeImport, CrimeImportRefusal, importStagedCrimeFiles, prepareCrimeImport, ReplaceNotConfirmedError, type PreparedCrimeImport } from "@wardpanel/packs";
import { DomainError, POLICE_FORCES, policeForceIdOf } from "@wardpanel/validators";
import { requireForceRole } from "../staff-access";

/** A full Met month is about 25 MB; leave room, refuse anything far bigger. */
export const CRIME_FILE_MAX_BYTES = 64 * 1024 * 1024;

const NOT_AN_ANALYST = "Only a crime data analyst for the force, or an admin, can import crime data";

type UploadedFile = { input: Buffer; fileName: string };

/** "the Metropolitan Police Service": the forces a person imports for, in words. */
function forcesOf(viewer: Viewer): string {
  const names = POLICE_FORCES.filter((f) => canActOnForce(viewer, f.id, ["analyst"])).map((f) => f.name);
  return names.join(" and ");
}

/** Refusals the import can give, as HTTP answers; anything else is the server's fault. */
function sendRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof CrimeImportRefusal) return reply.code(422).send({ field: error.field, line: error.line, error: error.message });
  if (error instanceof DomainError) return reply.code(error.kind === "not_found" ? 404 : 409).send({ error: error.message });
  throw error;
}

/**
 * Importing police.uk files: force-wide, so for the force's analysts and admins (decision 0014).
 * An upload that would replace a month already held is not imported: it is kept for 30 minutes
 * and answered 409 with what would change, ward by ward; its uploader confirms it to import it.
 */
export async function registerCrimeImportRoutes(app: FastifyInstance, db: Db, secureCookies: boolean): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 2, fileSize: CRIME_FILE_MAX_BYTES, fields: 1, parts: 3 } });

    /**
     * Multipart: `street` and/or `outcomes` files. 201 with the counts when imported; 409 with
     * `preview` and `confirm` when the month is held; 422 naming the file and line of a bad file.
     */
    scope.post("/api/staff/crime-imports", async (request, reply) => {
      const viewer = requireForceRole(db, request, reply, ["analyst"], NOT_AN_ANALYST, secureCookies);
      if (!viewer) return reply;
      const files: Partial<Record<"street" | "outcomes", UploadedFile>> = {};
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

      let prepared: PreparedCrimeImport;
      try {
        prepared = await prepareCrimeImport(db, files);
      } catch (error) {
        return sendRefusal(reply, error);
      }
      if (!canActOnForce(viewer, prepared.forceId, ["analyst"])) {
        return reply.code(403).send({ error: `These files are from the ${prepared.force}; you import crime data for the ${forcesOf(viewer)}. Nothing was changed.` });
      }
      const now = new Date();
      try {
        return reply.code(201).send(commitCrimeImport(db, prepared, { importedBy: viewer.id, now }));
      } catch (error) {
        if (!(error instanceof ReplaceNotConfirmedError)) return sendRefusal(reply, error);
        const stage = createCrimeImportStage(db, {
          force: prepared.force,
          month: error.change.month,
          heldImportId: error.change.heldImportId,
          street: files.street ? { fileName: files.street.fileName, content: files.street.input } : null,
          outcomes: files.outcomes ? { fileName: files.outcomes.fileName, content: files.outcomes.input } : null,
          createdBy: viewer.id,
          now,
        });
        return reply.code(409).send({
          error: error.message,
          preview: error.change,
          confirm: { stagedImportId: stage.id, expiresAt: stage.expiresAt.toISOString(), path: `/api/staff/crime-imports/staged/${stage.id}/confirm` },
        });
      }
    });
  });

  /** Imports a staged upload, replacing the month, after its uploader saw the preview. 201 with the counts. */
  app.post<{ Params: { stagedImportId: string } }>("/api/staff/crime-imports/staged/:stagedImportId/confirm", async (request, reply) => {
    const viewer = requireForceRole(db, request, reply, ["analyst"], NOT_AN_ANALYST, secureCookies);
    if (!viewer) return reply;
    const id = /^[1-9]\d{0,9}$/.test(request.params.stagedImportId) ? Number(request.params.stagedImportId) : null;
    const gone = "This upload has expired or has already been imported. Upload the files again.";
    if (id === null) return reply.code(404).send({ error: gone });
    try {
      const now = new Date();
      const stage = getCrimeImportStage(db, { id, createdBy: viewer.id, now });
      // Only while they still import for the upload's force.
      const force = policeForceIdOf(stage.force);
      if (force === null || !canActOnForce(viewer, force, ["analyst"])) {
        return reply.code(403).send({ error: `You no longer import crime data for the ${stage.force}. Nothing was changed.` });
      }
      return reply.code(201).send(await importStagedCrimeFiles(db, { stage, importedBy: viewer.id, now }));
    } catch (error) {
      return sendRefusal(reply, error);
    }
  });
}

