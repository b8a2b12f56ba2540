import {
  countCrimesNear,
  listConcernQueue,
  mergeConcerns,
  rejectConcern,
  setShortlisted,
  submitConcern,
} from "@wardpanel/db/queries/concerns";
import {
  DomainError,
  MergeConcernsInput,
  PublicConcernInput,
  RejectConcernInput,
  ShortlistInput,
  SntConcernInput,
} from "@wardpanel/validators";
import { z } from "zod";

import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";

/** A person takes a few seconds to fill the form in; a script posts at once. */
const MIN_FORM_SECONDS = 3;

export const concernsRouter = createTRPCRouter({
  /** The public form. Spam is turned away by a hidden field, a minimum time and a rate limit: no captcha service. */
  submit: publicProcedure
    .input(PublicConcernInput)
    .output(z.object({ received: z.literal(true) }))
    .mutation(async ({ ctx, input: { wardCode, website, openedAt, ...concern } }) => {
      await ctx.concernLimiter.consume(ctx.clientAddress);
      const seconds = (ctx.now().getTime() - openedAt) / 1000;
      // Answer a bot as if it succeeded, so it learns nothing; keep nothing.
      if (website !== "" || seconds < MIN_FORM_SECONDS) return { received: true as const };
      if (seconds > 24 * 60 * 60)
        throw new DomainError(
          "invalid",
          "This form was opened more than a day ago. Reload the page and send it again.",
        );
      submitConcern(ctx.db, { wardCode, source: "public_form", concern, now: ctx.now() });
      return { received: true as const };
    }),

  /** Concerns the team gathered from surveys and street briefings. */
  record: wardProcedure("manageConcerns")
    .input(SntConcernInput)
    .mutation(({ ctx, input: { wardCode, source, ...concern } }) => ({
      concernId: submitConcern(ctx.db, { wardCode, source, concern, now: ctx.now() }),
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
      mergeConcerns(ctx.db, input);
      return { concernId: input.keepId };
    }),

  reject: wardProcedure("manageConcerns")
    .input(RejectConcernInput)
    .mutation(({ ctx, input }) => {
      rejectConcern(ctx.db, input);
      return { concernId: input.concernId };
    }),

  shortlist: wardProcedure("manageConcerns")
    .input(ShortlistInput)
    .mutation(({ ctx, input }) => {
      setShortlisted(ctx.db, input);
      return { concernId: input.concernId, isShortlisted: input.isShortlisted };
    }),
});
