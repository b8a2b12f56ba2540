import { getMeetingQuorum } from "@wardpanel/db/queries/attendance";
import {
  addAction,
  addDecision,
  endMeeting,
  getMeetingRecord,
  listMeetingConcerns,
  pauseItemTimer,
  recordMeetingConcern,
  removeDecision,
  resumeItemTimer,
  saveItemNotes,
  setCurrentItem,
  startMeeting,
} from "@wardpanel/db/queries/live";
import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import { hasMinutes } from "@wardpanel/db/queries/record-open";
import {
  AddActionInput,
  AddDecisionInput,
  DecisionRef,
  mayInWard,
  MeetingRef,
  RecordConcernInput,
  SaveNotesInput,
  SetCurrentItemInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";
import { toMeetingView } from "./meeting-view";

export const liveRouter = createTRPCRouter({
  /** The chair's live view. `serverNow` lets the browser run the item timer against the server's clock. */
  view: wardProcedure("seeWard")
    .input(MeetingRef)
    .query(({ ctx, input }) => {
      const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
      // Who raised a concern is for those who record the meeting and report back, not the whole panel.
      const canSeeWhoRaised = mayInWard(ctx.viewer.roles, "keepRecord", input.wardCode);
      return {
        meeting: toMeetingView(meeting),
        isLive: meeting.status === "held" && meeting.liveEndedAt === null,
        hasEnded: meeting.liveEndedAt !== null,
        /** The minutes are drafted: live notes are read-only (edit them in the minutes). */
        minutesDrafted: hasMinutes(ctx.db, meeting.id),
        currentItemId: meeting.currentItemId,
        currentItemStartedAt: meeting.currentItemStartedAt?.toISOString() ?? null,
        /** The chair paused the current item's clock: it shows the banked seconds, stopped, on every device. */
        isTimerPaused: meeting.currentItemId !== null && meeting.currentItemStartedAt === null,
        /** The advertised end, for "time left in the meeting". */
        endsAt: meeting.endsAt.toISOString(),
        serverNow: ctx.now().toISOString(),
        quorum: getMeetingQuorum(ctx.db, meeting),
        items: getMeetingRecord(ctx.db, meeting.id),
        concerns: listMeetingConcerns(ctx.db, meeting.id).map((c) => (canSeeWhoRaised ? c : { ...c, raisedBy: "" })),
      };
    }),

  start: wardProcedure("runLiveMeeting")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      startMeeting(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  setCurrentItem: wardProcedure("runLiveMeeting")
    .input(SetCurrentItemInput)
    .mutation(({ ctx, input }) => {
      setCurrentItem(ctx.db, { ...input, now: ctx.now() });
      return { itemId: input.itemId };
    }),

  /** Stops the current item's clock (a break, a fire alarm); `resumeTimer` starts it again. */
  pauseTimer: wardProcedure("runLiveMeeting")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      pauseItemTimer(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  resumeTimer: wardProcedure("runLiveMeeting")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      resumeItemTimer(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  end: wardProcedure("runLiveMeeting")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      endMeeting(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  /** Saves an item's notes if still at `baseVersion`; else `{ status: "conflict", current }` with the other text. */
  saveNotes: wardProcedure("keepRecord")
    .input(SaveNotesInput)
    // A conflict is an answer, not an error: it carries the text saved meanwhile (decision 0036).
    .mutation(({ ctx, input }) => {
      const result = saveItemNotes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
      return result.status === "saved"
        ? {
            status: result.status,
            itemId: input.itemId,
            version: result.version,
            savedAt: result.savedAt.toISOString(),
          }
        : {
            status: result.status,
            itemId: input.itemId,
            current: { ...result.current, savedAt: result.current.savedAt?.toISOString() ?? null },
          };
    }),

  addDecision: wardProcedure("keepRecord")
    .input(AddDecisionInput)
    .mutation(({ ctx, input }) => ({ decisionId: addDecision(ctx.db, { ...input, now: ctx.now() }) })),

  removeDecision: wardProcedure("keepRecord")
    .input(DecisionRef)
    .mutation(({ ctx, input }) => {
      removeDecision(ctx.db, { ...input, now: ctx.now() });
      return { decisionId: input.decisionId };
    }),

  addAction: wardProcedure("keepRecord")
    .input(AddActionInput)
    .mutation(({ ctx, input: { wardCode, meetingId, itemId, ...action } }) => ({
      actionId: addAction(ctx.db, { wardCode, meetingId, itemId, action, now: ctx.now() }),
    })),

  recordConcern: wardProcedure("keepRecord")
    .input(RecordConcernInput)
    .mutation(({ ctx, input: { wardCode, meetingId, ...concern } }) => ({
      concernId: recordMeetingConcern(ctx.db, { wardCode, meetingId, concern, now: ctx.now() }),
    })),
});
