import {
  cancelMeeting,
  createMeeting,
  listWardMeetings,
  publishMeeting,
  scheduleSeries,
  updateMeeting,
} from "@wardpanel/db/queries/meetings";
import {
  CancelMeetingInput,
  CreateMeetingInput,
  MeetingRef,
  ScheduleSeriesInput,
  UpdateMeetingInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";
import { toMeetingView } from "./meeting-view";

export const meetingsRouter = createTRPCRouter({
  forWard: wardProcedure("seeWard").query(({ ctx, input }) =>
    listWardMeetings(ctx.db, input.wardCode).map(toMeetingView),
  ),

  create: wardProcedure("arrangeMeetings")
    .input(CreateMeetingInput)
    .mutation(({ ctx, input: { wardCode, date, ...details } }) => ({
      meetingId: createMeeting(ctx.db, { wardCode, date, details, createdBy: ctx.viewer.id, now: ctx.now() }),
    })),

  scheduleSeries: wardProcedure("arrangeMeetings")
    .input(ScheduleSeriesInput)
    .mutation(({ ctx, input: { wardCode, rule, ...details } }) =>
      scheduleSeries(ctx.db, { wardCode, rule, details, createdBy: ctx.viewer.id, now: ctx.now() }),
    ),

  update: wardProcedure("arrangeMeetings")
    .input(UpdateMeetingInput)
    .mutation(({ ctx, input: { wardCode, meetingId, date, ...details } }) => {
      updateMeeting(ctx.db, { wardCode, meetingId, date, details, now: ctx.now() });
      return { meetingId };
    }),

  publish: wardProcedure("arrangeMeetings")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => {
      publishMeeting(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),

  cancel: wardProcedure("arrangeMeetings")
    .input(CancelMeetingInput)
    .mutation(({ ctx, input }) => {
      cancelMeeting(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),
});
