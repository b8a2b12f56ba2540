import { listPublishedPacks, listWardPacks, publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { WardRef } from "@wardpanel/validators";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";

/** Sergeants (and admins) write and publish a ward's pack; its chair may read the drafts. */
const packReaders = wardProcedure(["sergeant", "chair"]);
const packEditors = wardProcedure(["sergeant"]);

// Form schemas: shared with the web form once they move to @wardpanel/validators (see decision 0006).
export const PackMonth = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Give the month as YYYY-MM") });
export const SavePackTextInput = PackMonth.extend({
  commentary: z.string().trim().max(5000, "Keep the commentary under 5,000 characters"),
  partnerActions: z.string().trim().max(3000, "Keep partner actions under 3,000 characters"),
});

const PublishedPackList = z.array(z.object({ month: z.string(), publishedAt: z.date() }));

/** Crime imports, monthly packs and subscriptions (issue 6). Files and PDFs go over plain HTTP (apps/server/src/routes/packs). */
export const crimePacksRouter = createTRPCRouter({
  forWard: packReaders.query(({ ctx, input }) => listWardPacks(ctx.db, input.wardCode)),

  saveText: packEditors.input(SavePackTextInput).mutation(({ ctx, input }) => {
    const pack = savePackText(ctx.db, { ...input, now: ctx.now() });
    return { month: pack.month, updatedAt: pack.updatedAt };
  }),

  publish: packEditors.input(PackMonth).mutation(({ ctx, input }) => publishPack(ctx.db, { ...input, now: ctx.now() })),

  published: publicProcedure
    .input(WardRef)
    .output(PublishedPackList)
    .query(({ ctx, input }) => listPublishedPacks(ctx.db, input.wardCode)),
});
