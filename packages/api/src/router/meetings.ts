import {
  cancelMeeting,
  createMeeting,
  listWardMeetings,
  publishMeeting,
  publishSeries,
  scheduleSeries,
  updateMeeting,
} from "@wardpanel/db/queries/meetings";
import {
  CancelMeetingInput,
  CreateMeetingInput,
  MeetingRef,
  PublishSeriesInput,
  ScheduleSeriesInput,
  UpdateMeetingInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";
import { toMeetingView } from "./meeting-view";

export const meetingsRouter = createTRPCRouter({
  /** Staff's list: each meeting with the series it was scheduled in (null: on its own) and its start instant. */
  forWard: wardProcedure("seeWard").query(({ ctx, input }) =>
    listWardMeetings(ctx.db, input.wardCode).map((m) => ({
      ...toMeetingView(m),
      seriesId: m.seriesId,
      startsAt: m.startsAt.toISOString(),
    })),
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

  /** "Publish all": every draft still to come in the series, at once. */
  publishSeries: wardProcedure("arrangeMeetings")
    .input(PublishSeriesInput)
    .mutation(({ ctx, input }) => ({ meetingIds: publishSeries(ctx.db, { ...input, now: ctx.now() }) })),

  cancel: wardProcedure("arrangeMeetings")
    .input(CancelMeetingInput)
    .mutation(({ ctx, input }) => {
      cancelMeeting(ctx.db, { ...input, now: ctx.now() });
      return { meetingId: input.meetingId };
    }),
});
