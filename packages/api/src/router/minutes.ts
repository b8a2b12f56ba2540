import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import {
  approveMinutes,
  circulateMinutes,
  draftMinutes,
  editMinutesItem,
  listApprovalMeetings,
  listMinutesVersions,
  publishMinutes,
  startCorrection,
} from "@wardpanel/db/queries/minutes";
import { londonParts } from "@wardpanel/meetings/london-time";
import { ApproveMinutesInput, EditMinutesItemInput, MeetingRef, StartCorrectionInput } from "@wardpanel/validators";
import { createTRPCRouter } from "../trpc";
import { toMeetingView } from "./meeting-view";
import { organiser, recorder, wardStaff } from "./roles";

/** Minute-takers draft and edit; the chair and sergeant circulate, record approval and publish. */
export const minutesRouter = createTRPCRouter({
  forMeeting: wardStaff.input(MeetingRef).query(({ ctx, input }) => {
    const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
    return {
      meeting: toMeetingView(meeting),
      versions: listMinutesVersions(ctx.db, meeting.id),
      approvalMeetings: listApprovalMeetings(ctx.db, meeting).map((m) => ({ id: m.id, title: m.title, date: londonParts(m.startsAt).date })),
    };
  }),

  draft: recorder.input(MeetingRef).mutation(({ ctx, input }) => ({ versionId: draftMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() }) })),

  editItem: recorder.input(EditMinutesItemInput).mutation(({ ctx, input }) => {
    editMinutesItem(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
    return { itemIndex: input.itemIndex, savedAt: ctx.now().toISOString() };
  }),

  circulate: organiser.input(MeetingRef).mutation(({ ctx, input }) => {
    circulateMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
    return { meetingId: input.meetingId };
  }),

  approve: organiser.input(ApproveMinutesInput).mutation(({ ctx, input }) => {
    approveMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
    return { meetingId: input.meetingId };
  }),

  publish: organiser.input(MeetingRef).mutation(({ ctx, input }) => {
    publishMinutes(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() });
    return { meetingId: input.meetingId };
  }),

  startCorrection: organiser.input(StartCorrectionInput).mutation(({ ctx, input }) => ({
    versionId: startCorrection(ctx.db, { ...input, by: ctx.viewer.id, now: ctx.now() }),
  })),
});
