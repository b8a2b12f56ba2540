import { listPublishedMinutes } from "@wardpanel/db/queries/minutes";
import { withPrioritiesPublicNow } from "@wardpanel/db/queries/minutes-votes";
import { getPublicAgenda } from "@wardpanel/db/queries/paper-withdrawals";
import { getPublicMeeting, listPastMeetings, PAST_MEETINGS_PER_PAGE } from "@wardpanel/db/queries/public-meetings";
import { getWard } from "@wardpanel/db/queries/wards";
import { defined, MeetingRef, PastMeetingsInput } from "@wardpanel/validators";

import { createTRPCRouter, publicProcedure } from "../trpc";
import { toMeetingView, toPublicMeetingView } from "./meeting-view";
import { PastMeetingsPage, PublicMeetingPage } from "./public-meeting-output";

export const publicMeetingRouter = createTRPCRouter({
  /** A meeting as the public sees it: advertised details, the latest published agenda (withdrawn papers said as such), published minutes. */
  view: publicProcedure
    .input(MeetingRef)
    .output(PublicMeetingPage)
    .query(({ ctx, input }) => {
      const ward = getWard(ctx.db, input.wardCode);
      // Drafts are not public; nor is a meeting cancelled before it was ever advertised.
      const meeting = getPublicMeeting(ctx.db, input.wardCode, input.meetingId);
      return {
        ward: { code: ward.code, name: ward.name, nameWelsh: ward.nameWelsh, boroughName: ward.boroughName },
        meeting: toPublicMeetingView(meeting),
        agenda: getPublicAgenda(ctx.db, meeting.id),
        minutes: listPublishedMinutes(ctx.db, meeting.id).map((v) => ({
          version: v.version,
          publishedAt: defined(v.publishedAt, "the published minutes' date").toISOString(),
          correctionNote: v.correctionNote,
          // Only priorities on the public priorities page now are linked (a snapshot may predate publishing).
          content: v.content.votes
            ? { ...v.content, votes: withPrioritiesPublicNow(ctx.db, v.content.votes) }
            : v.content,
        })),
      };
    }),

  /** The ward's past meetings, newest first, ten to a page: each links to its agenda and minutes. */
  past: publicProcedure
    .input(PastMeetingsInput)
    .output(PastMeetingsPage)
    .query(({ ctx, input }) => {
      getWard(ctx.db, input.wardCode);
      const { meetings, total, hasOlder } = listPastMeetings(ctx.db, { ...input, now: ctx.now() });
      return {
        meetings: meetings.map(({ meeting, hasAgenda, minutesPublishedAt }) => {
          const view = toMeetingView(meeting);
          return {
            id: view.id,
            title: view.title,
            kind: view.kind,
            kindLabel: view.kindLabel,
            date: view.date,
            when: view.when,
            hasAgenda,
            minutesPublishedAt: minutesPublishedAt?.toISOString() ?? null,
          };
        }),
        page: input.page,
        perPage: PAST_MEETINGS_PER_PAGE,
        total,
        hasOlder,
      };
    }),
});
