import { listCarriedOverActions } from "@wardpanel/db/queries/actions";
import {
  addAgendaItem,
  getPublishedAgenda,
  listAgendaItems,
  moveAgendaItem,
  publishAgenda,
  setAgendaItemRemoved,
  setPaperRemoved,
  updateAgendaItem,
} from "@wardpanel/db/queries/agenda";
import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import { listPublishedPapers, withdrawPaper } from "@wardpanel/db/queries/paper-withdrawals";
import { listReviewsDue } from "@wardpanel/db/queries/priorities";
import { londonParts } from "@wardpanel/meetings/london-time";
import {
  AddAgendaItemInput,
  AgendaItemRef,
  MeetingRef,
  MoveAgendaItemInput,
  PaperRef,
  UpdateAgendaItemInput,
  WithdrawPaperInput,
} from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";
import { toMeetingView } from "./meeting-view";

export const agendaRouter = createTRPCRouter({
  /** The working agenda, the actions it carries over, which version the public can read, and the papers they were given. */
  forMeeting: wardProcedure("seeWard")
    .input(MeetingRef)
    .query(({ ctx, input }) => {
      const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
      const published = getPublishedAgenda(ctx.db, meeting.id);
      return {
        meeting: toMeetingView(meeting),
        items: listAgendaItems(ctx.db, meeting.id),
        carriedOverActions: listCarriedOverActions(ctx.db, meeting),
        reviewsDue: listReviewsDue(ctx.db, meeting.wardCode, londonParts(meeting.startsAt).date).map(
          ({ id, title, reviewDate }) => ({ id, title, reviewDate }),
        ),
        published: published && { version: published.version, publishedAt: published.publishedAt },
        publishedPapers: listPublishedPapers(ctx.db, meeting.id),
      };
    }),

  addItem: wardProcedure("editAgenda")
    .input(AddAgendaItemInput)
    .mutation(({ ctx, input: { wardCode, meetingId, position, ...fields } }) => ({
      itemId: addAgendaItem(ctx.db, { wardCode, meetingId, fields, position, now: ctx.now() }),
    })),

  updateItem: wardProcedure("editAgenda")
    .input(UpdateAgendaItemInput)
    .mutation(({ ctx, input: { wardCode, meetingId, itemId, ...fields } }) => {
      updateAgendaItem(ctx.db, { wardCode, meetingId, itemId, fields, now: ctx.now() });
      return { itemId };
    }),

  moveItem: wardProcedure("editAgenda")
    .input(MoveAgendaItemInput)
    .mutation(({ ctx, input }) => {
      moveAgendaItem(ctx.db, { ...input, now: ctx.now() });
      return { itemId: input.itemId };
    }),

  removeItem: wardProcedure("editAgenda")
    .input(AgendaItemRef)
    .mutation(({ ctx, input }) => {
      setAgendaItemRemoved(ctx.db, { ...input, removed: true, now: ctx.now() });
      return { itemId: input.itemId };
    }),

  restoreItem: wardProcedure("editAgenda")
    .input(AgendaItemRef)
    .mutation(({ ctx, input }) => {
      setAgendaItemRemoved(ctx.db, { ...input, removed: false, now: ctx.now() });
      return { itemId: input.itemId };
    }),

  removePaper: wardProcedure("editAgenda")
    .input(PaperRef)
    .mutation(({ ctx, input }) => {
      setPaperRemoved(ctx.db, { ...input, removed: true, now: ctx.now() });
      return { paperId: input.paperId };
    }),

  restorePaper: wardProcedure("editAgenda")
    .input(PaperRef)
    .mutation(({ ctx, input }) => {
      setPaperRemoved(ctx.db, { ...input, removed: false, now: ctx.now() });
      return { paperId: input.paperId };
    }),

  /** Takes a paper out of every published version of the agenda, with a reason the public see. */
  withdrawPaper: wardProcedure("editAgenda")
    .input(WithdrawPaperInput)
    .mutation(({ ctx, input }) => {
      withdrawPaper(ctx.db, { ...input, withdrawnBy: ctx.viewer.id, now: ctx.now() });
      return { paperId: input.paperId };
    }),

  publish: wardProcedure("editAgenda")
    .input(MeetingRef)
    .mutation(({ ctx, input }) => ({
      version: publishAgenda(ctx.db, { ...input, publishedBy: ctx.viewer.id, now: ctx.now() }),
    })),
});
