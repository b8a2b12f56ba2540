import {
  addProgress,
  createPriority,
  endPriority,
  getActiveLimit,
  listProgress,
  listReviewsDue,
  listWardPriorities,
  publishPriority,
  setActiveLimit,
  setCallHandling,
  updatePriority,
} from "@wardpanel/db/queries/priorities";
import { getWard } from "@wardpanel/db/queries/wards";
import { londonParts } from "@wardpanel/meetings/london-time";
import {
  CreatePriorityInput,
  EndPriorityInput,
  PriorityLimitInput,
  PriorityRef,
  ProgressInput,
  SetCallHandlingInput,
  UpdatePriorityInput,
  WardRef,
} from "@wardpanel/validators";

import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";
import { PriorityLibrary, toPublicPriority } from "./priority-view";

/** The sergeant makes priorities specific and publishes them; the chair may too; the public read them. */
export const prioritiesRouter = createTRPCRouter({
  forWard: wardProcedure("seeWard").query(({ ctx, input }) => {
    const all = listWardPriorities(ctx.db, input.wardCode);
    const progress = listProgress(
      ctx.db,
      all.map((p) => p.id),
    );
    return {
      priorities: all.map((p) => ({ ...p, progress: progress.filter((e) => e.priorityId === p.id) })),
      reviewsDue: listReviewsDue(ctx.db, input.wardCode, londonParts(ctx.now()).date).map((p) => ({
        id: p.id,
        title: p.title,
        reviewDate: p.reviewDate,
      })),
      activeLimit: getActiveLimit(ctx.db, input.wardCode),
    };
  }),

  create: wardProcedure("managePriorities")
    .input(CreatePriorityInput)
    .mutation(({ ctx, input: { wardCode, ...fields } }) => ({
      priorityId: createPriority(ctx.db, { wardCode, fields, now: ctx.now() }),
    })),

  update: wardProcedure("managePriorities")
    .input(UpdatePriorityInput)
    .mutation(({ ctx, input: { wardCode, priorityId, ...fields } }) => {
      updatePriority(ctx.db, { wardCode, priorityId, fields, now: ctx.now() });
      return { priorityId };
    }),

  publish: wardProcedure("managePriorities")
    .input(PriorityRef)
    .mutation(({ ctx, input }) => {
      publishPriority(ctx.db, { ...input, now: ctx.now() });
      return { priorityId: input.priorityId };
    }),

  setCallHandling: wardProcedure("flagForCallHandling")
    .input(SetCallHandlingInput)
    .mutation(({ ctx, input }) => {
      setCallHandling(ctx.db, { ...input, now: ctx.now() });
      return { priorityId: input.priorityId, isFlagged: input.isFlagged };
    }),

  end: wardProcedure("managePriorities")
    .input(EndPriorityInput)
    .mutation(({ ctx, input }) => {
      endPriority(ctx.db, { ...input, now: ctx.now() });
      return { priorityId: input.priorityId };
    }),

  addProgress: wardProcedure("managePriorities")
    .input(ProgressInput)
    .mutation(({ ctx, input }) => ({ progressId: addProgress(ctx.db, { ...input, createdBy: ctx.viewer.id }) })),

  setLimit: wardProcedure("managePriorities")
    .input(PriorityLimitInput)
    .mutation(({ ctx, input }) => {
      setActiveLimit(ctx.db, input.wardCode, input.maxActive);
      return { maxActive: input.maxActive };
    }),

  /** The public library: current priorities and every past one, how each was decided and how it ended. */
  library: publicProcedure
    .input(WardRef)
    .output(PriorityLibrary)
    .query(({ ctx, input }) => {
      const ward = getWard(ctx.db, input.wardCode);
      const published = listWardPriorities(ctx.db, input.wardCode).filter((p) => p.status !== "draft");
      const progress = listProgress(
        ctx.db,
        published.map((p) => p.id),
      );
      return {
        ward: { code: ward.code, name: ward.name, boroughName: ward.boroughName },
        priorities: published.map((p) =>
          toPublicPriority(
            p,
            progress.filter((e) => e.priorityId === p.id),
            ctx.now(),
          ),
        ),
      };
    }),
});
