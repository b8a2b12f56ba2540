import { getFollowedConcern } from "@wardpanel/db/queries/concern-events";
import {
  countCrimesNear,
  listConcernQueue,
  listRejectedConcerns,
  mergeConcerns,
  rejectConcern,
  restoreConcern,
  setBallotWording,
  setShortlisted,
  submitConcern,
} from "@wardpanel/db/queries/concerns";
import { chooseLanguage } from "@wardpanel/i18n";
import { availableLanguages } from "@wardpanel/i18n/node";
import {
  BallotWordingInput,
  ConcernRef,
  DomainError,
  FollowConcernInput,
  formMessage,
  MergeConcernsInput,
  PublicConcernInput,
  RejectConcernInput,
  ShortlistInput,
  SntConcernInput,
} from "@wardpanel/validators";

import { isBotSubmission } from "../public-form";
import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";
import { concernFollowPath, FollowedConcernOutput, SubmittedConcernOutput } from "./concern-output";

export const concernsRouter = createTRPCRouter({
  /** The public form. Spam is turned away by a hidden field, a minimum time and a rate limit: no captcha service. */
  submit: publicProcedure
    .input(PublicConcernInput)
    .output(SubmittedConcernOutput)
    .mutation(async ({ ctx, input: { wardCode, website, openedAt, ...concern } }) => {
      await ctx.concernLimiter.consume(ctx.clientAddress);
      if (isBotSubmission({ website, openedAt, now: ctx.now() }))
        return { received: true as const, reference: null, followPath: null };
      if (concern.hasConsent && concern.contactEmail === "")
        throw new DomainError("invalid", formMessage("emailForUpdates"), "contactEmail");
      // The language they wrote in, recorded for the team and the e-mails (English without a catalogue for it).
      const language = chooseLanguage(availableLanguages(), [concern.language]);
      const submitted = submitConcern(ctx.db, {
        wardCode,
        source: "public_form",
        concern: { ...concern, language },
        tokenSecret: ctx.unsubscribeTokenSecret,
        now: ctx.now(),
      });
      return {
        received: true as const,
        reference: submitted.reference,
        followPath: concernFollowPath(submitted.followToken),
      };
    }),

  /** The private follow page: no account, only the unguessable link from the thank-you box and the e-mails. */
  follow: publicProcedure
    .input(FollowConcernInput)
    .output(FollowedConcernOutput)
    .query(({ ctx, input }) => {
      const concern = getFollowedConcern(ctx.db, input.token);
      if (!concern) throw new DomainError("not_found", formMessage("noSuchConcern"));
      return concern;
    }),

  /** Concerns the team gathered from surveys and street briefings. */
  record: wardProcedure("manageConcerns")
    .input(SntConcernInput)
    .mutation(({ ctx, input: { wardCode, source, ...concern } }) => ({
      concernId: submitConcern(ctx.db, {
        wardCode,
        source,
        concern,
        tokenSecret: ctx.unsubscribeTokenSecret,
        now: ctx.now(),
      }).concernId,
    })),

  /** The sergeant's queue, each with police.uk crime counts within 200 m over three months, where it has a point. */
  queue: wardProcedure("manageConcerns").query(({ ctx, input }) =>
    listConcernQueue(ctx.db, input.wardCode).map((c) => ({
      ...c,
      crimesNearby:
        c.lon !== null && c.lat !== null
          ? countCrimesNear(ctx.db, { lon: c.lon, lat: c.lat, radiusMetres: 200, months: 3 })
          : null,
    })),
  ),

  merge: wardProcedure("manageConcerns")
    .input(MergeConcernsInput)
    .mutation(({ ctx, input }) => {
      mergeConcerns(ctx.db, { ...input, now: ctx.now() });
      return { concernId: input.keepId };
    }),

  reject: wardProcedure("manageConcerns")
    .input(RejectConcernInput)
    .mutation(({ ctx, input }) => {
      rejectConcern(ctx.db, { ...input, now: ctx.now() });
      return { concernId: input.concernId };
    }),

  /** Rejected concerns, with their reasons, so a rejection made in error can be undone. */
  rejected: wardProcedure("manageConcerns").query(({ ctx, input }) => listRejectedConcerns(ctx.db, input.wardCode)),

  restore: wardProcedure("manageConcerns")
    .input(ConcernRef)
    .mutation(({ ctx, input }) => {
      restoreConcern(ctx.db, { ...input, now: ctx.now() });
      return { concernId: input.concernId };
    }),

  /** The words on the ballot; the words as raised stay on the concern for staff. */
  setBallotWording: wardProcedure("manageConcerns")
    .input(BallotWordingInput)
    .mutation(({ ctx, input }) => {
      setBallotWording(ctx.db, { ...input, userId: ctx.viewer.id, now: ctx.now() });
      return { concernId: input.concernId };
    }),

  shortlist: wardProcedure("manageConcerns")
    .input(ShortlistInput)
    .mutation(({ ctx, input }) => {
      setShortlisted(ctx.db, { ...input, now: ctx.now() });
      return { concernId: input.concernId, isShortlisted: input.isShortlisted };
    }),
});
