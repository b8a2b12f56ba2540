import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import { listPublishedMinutes } from "@wardpanel/db/queries/minutes";
import { getPublicAgenda } from "@wardpanel/db/queries/paper-withdrawals";
import { getWard } from "@wardpanel/db/queries/wards";
import { defined, DomainError, MeetingRef } from "@wardpanel/validators";

import { createTRPCRouter, publicProcedure } from "../trpc";
import { toMeetingView } from "./meeting-view";
import { PublicMeetingPage } from "./public-meeting-output";

export const publicMeetingRouter = createTRPCRouter({
  /** A meeting as the public sees it: advertised details, the latest published agenda (withdrawn papers said as such), published minutes. */
  view: publicProcedure
    .input(MeetingRef)
    .output(PublicMeetingPage)
    .query(({ ctx, input }) => {
      const ward = getWard(ctx.db, input.wardCode);
      const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
      // Drafts are not public; nor is a meeting cancelled before it was ever advertised.
      if (meeting.status === "draft" || meeting.publishedAt === null)
        throw new DomainError("not_found", "There is no such meeting for this ward");
      return {
        ward: { code: ward.code, name: ward.name, boroughName: ward.boroughName },
        meeting: toMeetingView(meeting),
        agenda: getPublicAgenda(ctx.db, meeting.id),
        minutes: listPublishedMinutes(ctx.db, meeting.id).map((v) => ({
          version: v.version,
          publishedAt: defined(v.publishedAt, "the published minutes' date").toISOString(),
          correctionNote: v.correctionNote,
          content: v.content,
        })),
      };
    }),
});
