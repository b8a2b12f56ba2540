import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import {
  editAction,
  editDecision,
  editMeetingConcern,
  listRecordRemovals,
  removeRecordEntry,
  restoreRecordEntry,
} from "@wardpanel/db/queries/record-edits";
import {
  EditActionInput,
  EditDecisionInput,
  EditMeetingConcernInput,
  MeetingRef,
  RecordEntryRef,
  RestoreRecordEntryInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";

/**
 * Correcting the meeting's record after the fact: whoever keeps the record edits, removes and puts
 * back its decisions, actions and concerns until the minutes are circulated (the queries refuse after).
 */
export const recordRouter = createTRPCRouter({
  /** What was removed and can still be put back. */
  removed: wardProcedure("keepRecord")
    .input(MeetingRef)
    .query(({ ctx, input }) =>
      listRecordRemovals(ctx.db, getMeetingInWard(ctx.db, input.wardCode, input.meetingId).id).map((r) => ({
        ...r,
        removedAt: r.removedAt.toISOString(),
      })),
    ),

  editDecision: wardProcedure("keepRecord")
    .input(EditDecisionInput)
    .mutation(({ ctx, input }) => {
      editDecision(ctx.db, { ...input, now: ctx.now() });
      return { decisionId: input.decisionId };
    }),

  editAction: wardProcedure("keepRecord")
    .input(EditActionInput)
    .mutation(({ ctx, input }) => {
      editAction(ctx.db, { ...input, now: ctx.now() });
      return { actionId: input.actionId };
    }),

  editConcern: wardProcedure("keepRecord")
    .input(EditMeetingConcernInput)
    .mutation(({ ctx, input }) => {
      editMeetingConcern(ctx.db, { ...input, now: ctx.now() });
      return { concernId: input.concernId };
    }),

  remove: wardProcedure("keepRecord")
    .input(RecordEntryRef)
    .mutation(({ ctx, input }) => removeRecordEntry(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() })),

  restore: wardProcedure("keepRecord")
    .input(RestoreRecordEntryInput)
    .mutation(({ ctx, input }) => restoreRecordEntry(ctx.db, { ...input, now: ctx.now() })),
});
