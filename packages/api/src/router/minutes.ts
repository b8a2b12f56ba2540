import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import {
  approveMinutes,
  circulateMinutes,
  draftMinutes,
  editMinutesItem,
  listApprovalMeetings,
  listMinutesHistory,
  listMinutesVersionsNow,
  publishMinutes,
  returnMinutesToDraft,
  startCorrection,
} from "@wardpanel/db/queries/minutes";
import { londonParts } from "@wardpanel/meetings/london-time";
import {
  ApproveMinutesInput,
  EditMinutesItemInput,
  MeetingRef,
  ReturnMinutesToDraftInput,
  StartCorrectionInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";
import { toMeetingView } from "./meeting-view";

/** Minute-takers draft and edit; the chair and sergeant circulate, record approval and publish. */
export const minutesRouter = createTRPCRouter({
  forMeeting: wardProcedure("seeWard")
    .input(MeetingRef)
    .query(({ ctx, input }) => {
      const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
      return {
        meeting: toMeetingView(meeting),
        /** The live meeting is started and not ended: the minutes are drafted once it ends. */
        isLive: meeting.liveStartedAt !== null && meeting.liveEndedAt === null,
        versions: listMinutesVersionsNow(ctx.db, meeting.id),
        /** Each circulation and return to draft, oldest first, with who took it and why. */
        history: listMinutesHistory(ctx.db, meeting.id).map((e) => ({ ...e, at: e.at.toISOString() })),
        approvalMeetings: listApprovalMeetings(ctx.db, meeting).map((m) => ({
          id: m.id,
          title: m.title,
          date: londonParts(m.startsAt).date,
        })),
      };
    }),

  draft: wardProcedure("keepRecord")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => ({
      versionId: draftMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() }),
    })),

  editItem: wardProcedure("keepRecord")
    .input(EditMinutesItemInput)
    // As live.saveNotes: a conflict is an answer carrying the text saved meanwhile (decision 0036).
    .mutation(({ ctx, input }) => {
      const result = editMinutesItem(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
      return result.status === "saved"
        ? {
            status: result.status,
            itemIndex: input.itemIndex,
            version: result.version,
            savedAt: result.savedAt.toISOString(),
          }
        : {
            status: result.status,
            itemIndex: input.itemIndex,
            current: { ...result.current, savedAt: result.current.savedAt?.toISOString() ?? null },
          };
    }),

  circulate: wardProcedure("manageMinutes")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      circulateMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  /** Circulated minutes back to draft before approval, to correct them; the reason is kept in their history. */
  returnToDraft: wardProcedure("manageMinutes")
    .input(ReturnMinutesToDraftInput)
    .mutation(({ ctx, input }) => {
      returnMinutesToDraft(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  approve: wardProcedure("manageMinutes")
    .input(ApproveMinutesInput)
    .mutation(({ ctx, input }) => {
      approveMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  publish: wardProcedure("manageMinutes")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      publishMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  startCorrection: wardProcedure("manageMinutes")
    .input(StartCorrectionInput)
    .mutation(({ ctx, input }) => ({
      versionId: startCorrection(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() }),
    })),
});
