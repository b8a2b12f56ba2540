import type { Db } from "@wardpanel/db/client";
import { chooseLanguage } from "@wardpanel/i18n";
import { availableLanguages } from "@wardpanel/i18n/node";
import { getDraftPackView, getPublishedPackView, renderPackPdf } from "@wardpanel/packs";
import { DomainError, WARD_ROLE_GROUPS, WardPackRef } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import { requireWardRole } from "../staff-access";

type PackParams = { wardCode: string; month: string };
type PackQuery = { lang?: string | string[] };

/** `?lang=cy` → "cy"; a language with no catalogue, or none asked for, → English. */
function languageOf(query: PackQuery): string {
  const asked = Array.isArray(query.lang) ? query.lang[0] : query.lang;
  return chooseLanguage(availableLanguages(), [asked ?? null]);
}

/** A ward code and a YYYY-MM month from a path; anything else is "not found". */
function packRefOf(params: PackParams, notFound: string): { wardCode: string; month: string } {
  const ref = WardPackRef.safeParse(params);
  if (!ref.success) throw new DomainError("not_found", notFound);
  return ref.data;
}

/** "Bloomsbury-2024-12.pdf" */
const fileNameOf = (view: { ward: { name: string }; month: string }) =>
  `${view.ward.name.replace(/[^A-Za-z0-9]+/g, "-")}-${view.month}.pdf`;

/**
 * A pack as an A4 PDF: the published one for anyone, the draft for the ward's sergeant and chair.
 * The pages themselves come through tRPC (crimePacks.publishedPage, crimePacks.draftPage). The
 * published PDF is in the language `?lang=` names (the page's PDF link carries the reader's), else
 * English; its text, title and `/Lang` say so. `callTargetMinutes`: the force's call-handling
 * response target in minutes, for drafts (published packs carry the one frozen with them).
 */
export function registerPackPdfRoutes(
  app: FastifyInstance,
  db: Db,
  secureCookies: boolean,
  callTargetMinutes = 60,
): void {
  // `/wards/E05…/packs/2024-12.pdf`: the regular expression keeps the page path itself for the web app.
  app.get<{ Params: PackParams; Querystring: PackQuery }>(
    "/wards/:wardCode/packs/:month(^\\d{4}-\\d{2}).pdf",
    async (request, reply) => {
      const missing = "This ward has no published update for that month";
      const language = languageOf(request.query);
      const view = getPublishedPackView(db, packRefOf(request.params, missing), language);
      if (!view) throw new DomainError("not_found", missing);
      return reply
        .type("application/pdf")
        .header("content-language", language)
        .header("content-disposition", `inline; filename="${fileNameOf(view)}"`)
        .header("cache-control", "public, max-age=300")
        .send(await renderPackPdf(view));
    },
  );

  app.get<{ Params: PackParams }>("/api/staff/wards/:wardCode/packs/:month/draft.pdf", async (request, reply) => {
    const ref = packRefOf(request.params, "There is no such pack");
    requireWardRole({ db, request, reply, secureCookies }, ref.wardCode, WARD_ROLE_GROUPS.seePackDrafts);
    const { view } = getDraftPackView(db, { ...ref, now: new Date(), callTargetMinutes });
    return reply
      .type("application/pdf")
      .header("content-disposition", `inline; filename="draft-${fileNameOf(view)}"`)
      .header("cache-control", "private, no-store")
      .send(await renderPackPdf(view));
  });
}
