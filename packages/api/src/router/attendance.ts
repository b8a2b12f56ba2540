import {
  addGuest,
  addPublicSignIn,
  getAttendance,
  getMemberAttendanceHistory,
  markAttendance,
  removeGuest,
  setPublicCount,
  setQuorumRule,
} from "@wardpanel/db/queries/attendance";
import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import {
  AddGuestInput,
  GuestRef,
  MarkAttendanceInput,
  mayInWard,
  MeetingRef,
  MemberHistoryInput,
  PublicSignInInput,
  QuorumRuleInput,
  SetPublicCountInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";

export const attendanceRouter = createTRPCRouter({
  /**
   * The public's sign-in names and e-mails go only to those who record the meeting and send the
   * updates people asked for (chair, sergeant, minute-taker, admin); panel members see how many.
   */
  forMeeting: wardProcedure("seeWard")
    .input(MeetingRef)
    .query(({ ctx, input }) =>
      getAttendance(ctx.db, getMeetingInWard(ctx.db, input.wardCode, input.meetingId), {
        withPublicContacts: mayInWard(ctx.viewer.roles, "keepRecord", input.wardCode),
      }),
    ),

  mark: wardProcedure("keepRecord")
    .input(MarkAttendanceInput)
    .mutation(({ ctx, input }) => {
      markAttendance(ctx.db, { ...input, now: ctx.now() });
      return { userId: input.userId, status: input.status };
    }),

  addGuest: wardProcedure("keepRecord")
    .input(AddGuestInput)
    .mutation(({ ctx, input }) => ({ guestId: addGuest(ctx.db, { ...input, now: ctx.now() }) })),

  removeGuest: wardProcedure("keepRecord")
    .input(GuestRef)
    .mutation(({ ctx, input }) => {
      removeGuest(ctx.db, { ...input, now: ctx.now() });
      return { guestId: input.guestId };
    }),

  setPublicCount: wardProcedure("keepRecord")
    .input(SetPublicCountInput)
    .mutation(({ ctx, input }) => {
      setPublicCount(ctx.db, { ...input, now: ctx.now() });
      return { count: input.count };
    }),

  addPublicSignIn: wardProcedure("keepRecord")
    .input(PublicSignInInput)
    .mutation(({ ctx, input: { consent: _, ...input } }) => ({
      signInId: addPublicSignIn(ctx.db, { ...input, now: ctx.now() }),
    })),

  setQuorumRule: wardProcedure("arrangeMeetings")
    .input(QuorumRuleInput)
    .mutation(({ ctx, input }) => {
      setQuorumRule(ctx.db, input.wardCode, input.rule);
      return input.rule;
    }),

  memberHistory: wardProcedure("seeWard")
    .input(MemberHistoryInput)
    .query(({ ctx, input }) => getMemberAttendanceHistory(ctx.db, input.wardCode, input.userId)),
});
