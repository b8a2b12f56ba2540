import fastifyMultipart from "@fastify/multipart";
import { canActOnForce, type Viewer } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { createCrimeImportStage } from "@wardpanel/db/queries/crime-import-stages";
import { commitCrimeImport, prepareCrimeImport, ReplaceNotConfirmedError } from "@wardpanel/packs";
import { DomainError, FORCE_ROLE_GROUPS, POLICE_FORCES, type PoliceForceId } from "@wardpanel/validators";
import type { FastifyInstance, FastifyRequest } from "fastify";

import { HttpProblem, sendProblem } from "../../problems";
import { requireForceRole } from "../staff-access";

/** A full Met month is about 25 MB; leave room, refuse anything far bigger. */
const CRIME_FILE_MAX_BYTES = 64 * 1024 * 1024;

type UploadedFile = { input: Buffer; fileName: string };

/** "the Metropolitan Police Service": the forces a person imports for, in words. */
function forcesOf(viewer: Viewer): string {
  const names = POLICE_FORCES.filter((f) => canActOnForce(viewer, f.id, FORCE_ROLE_GROUPS.importCrimeData)).map(
    (f) => f.name,
  );
  return names.join(" and ");
}

/**
 * The `street` and/or `outcomes` files of the upload; other parts are read and ignored. A part with
 * no file name is a file input left empty; a named file of 0 bytes is kept, to be refused as empty.
 */
async function crimeFilesOf(request: FastifyRequest): Promise<Partial<Record<"street" | "outcomes", UploadedFile>>> {
  const files: Partial<Record<"street" | "outcomes", UploadedFile>> = {};
  for await (const part of request.parts()) {
    if (part.type !== "file") continue;
    const content = await part.toBuffer();
    if (part.fieldname !== "street" && part.fieldname !== "outcomes") continue;
    if (part.file.truncated)
      throw new HttpProblem(413, `${part.filename} is larger than 64 MB`, { field: part.fieldname });
    if (content.byteLength > 0 || part.filename !== "")
      files[part.fieldname] = { input: content, fileName: part.filename.slice(0, 200) };
  }
  if (!files.street && !files.outcomes)
    throw new DomainError("invalid", "Choose a street-level crime file, an outcomes file, or both", "street");
  return files;
}

/**
 * Uploading police.uk files: force-wide, so for the force's analysts and admins (decision 0014).
 * Multipart: `street` and/or `outcomes` files. 201 with the counts when imported; a file that is
 * wrong is refused whole, its problem naming the file field and the line. An upload that would
 * replace a month already held is not imported: it is kept for 30 minutes and answered with a 409
 * problem carrying `preview` (what would change, ward by ward) and `confirm` (what its uploader
 * sends to crimeData.confirmUpload to import it).
 */
export async function registerCrimeUploadRoute(
  app: FastifyInstance,
  db: Db,
  { secureCookies, policeForceId }: { secureCookies: boolean; policeForceId: PoliceForceId },
): Promise<void> {
  await app.register(async (scope) => {
    // A file over the limit is cut short and marked truncated (refused with its name) rather than thrown.
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { files: 2, fileSize: CRIME_FILE_MAX_BYTES, fields: 1, parts: 3 },
    });

    scope.post("/api/staff/crime-imports", async (request, reply) => {
      const viewer = requireForceRole(
        { db, request, reply, secureCookies },
        FORCE_ROLE_GROUPS.importCrimeData,
        "Only a crime data analyst for the force, or an admin, can import crime data",
      );
      const files = await crimeFilesOf(request);
      const prepared = await prepareCrimeImport(db, { ...files, homeForceId: policeForceId });
      if (!canActOnForce(viewer, prepared.forceId, FORCE_ROLE_GROUPS.importCrimeData)) {
        throw new DomainError(
          "forbidden",
          `These files are from the ${prepared.force}; you import crime data for the ${forcesOf(viewer)}. Nothing was changed.`,
        );
      }
      const now = new Date();
      try {
        return reply.code(201).send(commitCrimeImport(db, prepared, { importedBy: viewer.id, now }));
      } catch (error) {
        // Not a failure: the month is held, so the upload waits for its uploader to see what changes.
        if (!(error instanceof ReplaceNotConfirmedError)) throw error;
        const stage = createCrimeImportStage(db, {
          force: prepared.force,
          month: error.change.month,
          heldImportId: error.change.heldImportId,
          street: files.street ? { fileName: files.street.fileName, content: files.street.input } : null,
          outcomes: files.outcomes ? { fileName: files.outcomes.fileName, content: files.outcomes.input } : null,
          createdBy: viewer.id,
          now,
        });
        return sendProblem(reply, 409, error.message, {
          slug: "replace-needs-confirming",
          extensions: {
            preview: error.change,
            confirm: { force: prepared.forceId, stagedImportId: stage.id, expiresAt: stage.expiresAt.toISOString() },
          },
        });
      }
    });
  });
}
