import {
  cancelMeeting,
  createMeeting,
  listWardMeetings,
  publishMeeting,
  scheduleSeries,
  updateMeeting,
} from "@wardpanel/db/queries/meetings";
import { CancelMeetingInput, CreateMeetingInput, MeetingRef, ScheduleSeriesInput, UpdateMeetingInput } from "@wardpanel/validators";
import { createTRPCRouter } from "../trpc";
import { toMeetingView } from "./meeting-view";
import { organiser, wardStaff } from "./roles";

export const meetingsRouter = createTRPCRouter({
  forWard: wardStaff.query(({ ctx, input }) => listWardMeetings(ctx.db, input.wardCode).map(toMeetingView)),

  create: organiser.input(CreateMeetingInput).mutation(({ ctx, input: { wardCode, date, ...details } }) => ({
    meetingId: createMeeting(ctx.db, { wardCode, date, details, createdBy: ctx.viewer.id, now: ctx.now() }),
  })),

  scheduleSeries: organiser
    .input(ScheduleSeriesInput)
    .mutation(({ ctx, input: { wardCode, rule, ...details } }) =>
      scheduleSeries(ctx.db, { wardCode, rule, details, createdBy: ctx.viewer.id, now: ctx.now() }),
    ),

  update: organiser.input(UpdateMeetingInput).mutation(({ ctx, input: { wardCode, meetingId, date, ...details } }) => {
    updateMeeting(ctx.db, { wardCode, meetingId, date, details, now: ctx.now() });
    return { meetingId };
  }),

  publish: organiser.input(MeetingRef).mutation(({ ctx, input }) => {
    publishMeeting(ctx.db, { ...input, now: ctx.now() });
    return { meetingId: input.meetingId };
  }),

  cancel: organiser.input(CancelMeetingInput).mutation(({ ctx, input }) => {
    cancelMeeting(ctx.db, { ...input, now: ctx.now() });
    return { meetingId: input.meetingId };
  }),
});
