import fastifyMultipart from "@fastify/multipart";
import { canActOnWard } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { addPaper, getPaperInMeeting, isPaperPublished } from "@wardpanel/db/queries/agenda";
import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import { DomainError, PAPER_MAX_BYTES, PAPER_TYPES, WARD_ROLE_GROUPS, WardCode } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";
import { fileTypeFromBuffer } from "file-type";

import { HttpProblem } from "../problems";
import { optionalViewer, requireWardRole } from "./staff-access";

const MEGABYTES = PAPER_MAX_BYTES / 1024 / 1024;
const ACCEPTED = Object.values(PAPER_TYPES).join(", ");

type PaperParams = { wardCode: string; meetingId: string; itemId: string };

/** Ids in a path must be positive integers; anything else is "not found", never a server error. */
function idOf(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/**
 * Papers for agenda items: the organisers upload (multipart, one file, size- and type-checked by
 * content, not by the name the browser sends); the public download papers of published agendas,
 * except a paper withdrawn since (410 Gone, with the reason); the ward's staff still can. Refusals
 * are problems from the server's one error handler (problems.ts).
 */
export async function registerPaperRoutes(app: FastifyInstance, db: Db, secureCookies: boolean): Promise<void> {
  await app.register(async (scope) => {
    // A file over the limit is cut short and marked truncated (refused below, with its name) rather than thrown.
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { files: 1, fileSize: PAPER_MAX_BYTES, fields: 0, parts: 1 },
    });

    scope.post<{ Params: PaperParams }>(
      "/api/wards/:wardCode/meetings/:meetingId/items/:itemId/papers",
      async (request, reply) => {
        const ward = WardCode.safeParse(request.params.wardCode);
        const meetingId = idOf(request.params.meetingId);
        const itemId = idOf(request.params.itemId);
        if (!ward.success || meetingId === null || itemId === null)
          throw new DomainError("not_found", "There is no such agenda item");
        const viewer = requireWardRole({ db, request, reply, secureCookies }, ward.data, WARD_ROLE_GROUPS.editAgenda);

        const file = await request.file();
        if (!file) throw new DomainError("invalid", "Choose a file to upload", "file");
        const content = await file.toBuffer();
        // Busboy marks a stream it cut short; never keep a truncated paper.
        if (file.file.truncated)
          throw new HttpProblem(413, `${file.filename} is larger than ${MEGABYTES} MB. Upload a smaller file.`, {
            field: "file",
          });
        if (content.byteLength === 0) throw new DomainError("invalid", `${file.filename} is empty`, "file");
        const detected = await fileTypeFromBuffer(content);
        if (!detected || !(detected.mime in PAPER_TYPES)) {
          throw new HttpProblem(415, `${file.filename} is not a file type we accept. Upload one of: ${ACCEPTED}.`, {
            field: "file",
          });
        }
        const paper = addPaper(db, {
          wardCode: ward.data,
          meetingId,
          itemId,
          now: new Date(),
          uploadedBy: viewer.id,
          paper: { fileName: file.filename.slice(0, 200), contentType: detected.mime, content },
        });
        return reply.code(201).send({ paper });
      },
    );
  });

  app.get<{ Params: { wardCode: string; meetingId: string; paperId: string } }>(
    "/api/wards/:wardCode/meetings/:meetingId/papers/:paperId",
    async (request, reply) => {
      const ward = WardCode.safeParse(request.params.wardCode);
      const meetingId = idOf(request.params.meetingId);
      const paperId = idOf(request.params.paperId);
      const noSuchPaper = new DomainError("not_found", "There is no such paper");
      if (!ward.success || meetingId === null || paperId === null) throw noSuchPaper;
      const viewer = optionalViewer({ db, request, reply, secureCookies });
      const isStaff = viewer !== null && canActOnWard(viewer, ward.data, WARD_ROLE_GROUPS.seeWard);
      // The public learn nothing of a draft meeting, not even that it exists.
      if (!isStaff && !isPaperPublished(db, meetingId, paperId)) throw noSuchPaper;
      getMeetingInWard(db, ward.data, meetingId);
      const paper = getPaperInMeeting(db, meetingId, paperId);
      // RFC 9110 §15.5.11: gone on purpose, for good. Plain text, as people open this link in a browser.
      if (!isStaff && paper.withdrawnAt) {
        const when = paper.withdrawnAt.toLocaleDateString("en-GB", { timeZone: "Europe/London", dateStyle: "long" });
        return reply
          .code(410)
          .type("text/plain; charset=utf-8")
          .header("cache-control", "public, max-age=300")
          .send(
            `This paper was withdrawn from the meeting's agenda on ${when}. Reason: ${paper.withdrawnReason ?? ""}\n`,
          );
      }
      return reply
        .type(paper.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(paper.fileName)}`)
        .header("cache-control", isStaff ? "private, no-store" : "public, max-age=300")
        .send(paper.content);
    },
  );
}
