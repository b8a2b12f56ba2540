import { listPublishedPacks, listWardPacks, publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { PackMonth, SavePackTextInput, WardRef } from "@wardpanel/validators";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";

/** Sergeants (and admins) write and publish a ward's pack; its chair may read the drafts. */
const packReaders = wardProcedure("seePackDrafts");
const packEditors = wardProcedure("reviewPacks");


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
