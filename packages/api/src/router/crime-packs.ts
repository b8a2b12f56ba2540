import { forceIdForBorough } from "@wardpanel/crime-data";
import { listPublishedPacks, listWardPacks, publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { listPacksToReview } from "@wardpanel/db/queries/packs-to-review";
import { getWard } from "@wardpanel/db/queries/wards";
import { chooseLanguage } from "@wardpanel/i18n";
import { availableLanguages } from "@wardpanel/i18n/node";
import { getDraftPackView, getPublishedPackView } from "@wardpanel/packs";
import {
  DomainError,
  DraftBoroughPacksInput,
  PackMonth,
  PublishedPackInput,
  SavePackTextInput,
  WardRef,
} from "@wardpanel/validators";

import { adminProcedure, createTRPCRouter, forceProcedure, publicProcedure, wardProcedure } from "../trpc";
import { streamDraftPacks } from "./draft-stream";
import { PackPage, packPageOf, PublishedPackList } from "./pack-page";

/** Sergeants (and admins) write and publish a ward's pack; its chair may read the drafts. */
const packReaders = wardProcedure("seePackDrafts");
const packEditors = wardProcedure("reviewPacks");

/**
 * Monthly packs (issue 6): the public read what is published; a ward's sergeant writes and
 * publishes; a force's analysts draft many wards at once. The PDFs go over plain HTTP as bytes
 * (apps/server/src/routes/packs).
 */
export const crimePacksRouter = createTRPCRouter({
  /** A ward and its published months, newest first. */
  published: publicProcedure
    .input(WardRef)
    .output(PublishedPackList)
    .query(({ ctx, input }) => {
      const { code, name, nameWelsh, boroughName } = getWard(ctx.db, input.wardCode);
      return { ward: { code, name, nameWelsh, boroughName }, packs: listPublishedPacks(ctx.db, code) };
    }),

  /**
   * One published pack, as the public page shows it (Policing Pledge point 8), written in the
   * reader's language (English for a language with no catalogue); its PDF link asks for the same.
   */
  publishedPage: publicProcedure
    .input(PublishedPackInput)
    .output(PackPage)
    .query(({ ctx, input }) => {
      const language = chooseLanguage(availableLanguages(), [input.language]);
      const view = getPublishedPackView(ctx.db, { wardCode: input.wardCode, month: input.month }, language);
      if (!view) throw new DomainError("not_found", "This ward has no published update for that month");
      return packPageOf(view);
    }),

  /** The ward's months with crime data and the state of each pack. */
  forWard: packReaders.query(({ ctx, input }) => listWardPacks(ctx.db, input.wardCode)),

  /** The draft as it stands (or the pack as published), with the sergeant's words, for review. */
  draftPage: packReaders.input(PackMonth).query(({ ctx, input }) => {
    const { pack, view } = getDraftPackView(ctx.db, {
      wardCode: input.wardCode,
      month: input.month,
      now: ctx.now(),
      callTargetMinutes: ctx.callResponseTargetMinutes,
    });
    return {
      ...packPageOf(view),
      status: pack.status,
      commentary: pack.commentary,
      partnerActions: pack.partnerActions,
      publishedAt: pack.publishedAt?.toISOString() ?? null,
      draftPdfPath: `/api/staff/wards/${view.ward.code}/packs/${view.month}/draft.pdf`,
    };
  }),

  saveText: packEditors.input(SavePackTextInput).mutation(({ ctx, input }) => {
    const pack = savePackText(ctx.db, { ...input, now: ctx.now() });
    return { month: pack.month, updatedAt: pack.updatedAt };
  }),

  publish: packEditors
    .input(PackMonth)
    .mutation(({ ctx, input }) =>
      publishPack(ctx.db, { ...input, now: ctx.now(), callTargetMinutes: ctx.callResponseTargetMinutes }),
    ),

  /**
   * Drafts every ward's pack of a borough for a month, streamed as progress then the result:
   * force-wide work, for the analysts of the force that polices the borough (decision 0014).
   */
  draftForBorough: forceProcedure("draftPacksAcrossWards")
    .input(DraftBoroughPacksInput)
    .mutation(({ ctx, input }) => {
      // Checked before the stream starts, so a refusal is an ordinary error answer.
      assertForcePolices(input.boroughCode, input.force, ctx.policeForceId);
      return streamDraftPacks(ctx.db, { month: input.month, boroughCode: input.boroughCode, now: ctx.now() });
    }),

  /** After drafting a borough: the drafts to review, only of wards with crimes counted in them that month. */
  toReviewInBorough: forceProcedure("draftPacksAcrossWards")
    .input(DraftBoroughPacksInput)
    .query(({ ctx, input }) => {
      assertForcePolices(input.boroughCode, input.force, ctx.policeForceId);
      return listPacksToReview(ctx.db, { month: input.month, boroughCode: input.boroughCode });
    }),

  /** After drafting all of London (an admin): the drafts to review, only of wards with data that month. */
  toReviewInLondon: adminProcedure
    .input(PackMonth)
    .query(({ ctx, input }) => listPacksToReview(ctx.db, { month: input.month, boroughCode: null })),

  /** Drafts every London ward's pack for a month at once: only an admin, who is not bound to one force. */
  draftForLondon: adminProcedure
    .input(PackMonth)
    .mutation(({ ctx, input }) => streamDraftPacks(ctx.db, { month: input.month, boroughCode: null, now: ctx.now() })),
});

/** Force-wide pack work on a borough is for the force that polices it (decision 0014). */
function assertForcePolices(boroughCode: string, force: string, siteForce: Parameters<typeof forceIdForBorough>[1]) {
  if (forceIdForBorough(boroughCode, siteForce) !== force) {
    throw new DomainError(
      "invalid",
      "That borough is policed by another force: draft its packs as that force's analyst",
      "boroughCode",
    );
  }
}
