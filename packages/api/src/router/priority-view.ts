import type { Priority } from "@wardpanel/db/queries/priorities";
import { AreaGeometry, categoryLabel, PRIORITY_STATUSES } from "@wardpanel/validators";
import { z } from "zod";

const Progress = z.object({
  month: z.string(),
  policeAction: z.string(),
  partnerAction: z.string(),
  whatChanged: z.string(),
});

export const PublicPriority = z.object({
  id: z.number(),
  title: z.string(),
  problem: z.string(),
  categoryLabel: z.string().nullable(),
  where: z.string(),
  hasArea: z.boolean(),
  area: AreaGeometry.nullable(),
  wantedAction: z.string(),
  successMeasure: z.string(),
  owner: z.string(),
  startDate: z.string().nullable(),
  reviewDate: z.string().nullable(),
  status: z.enum(PRIORITY_STATUSES),
  statusDate: z.string().nullable(),
  statusReason: z.string(),
  isCallHandlingFlagged: z.boolean(),
  voteId: z.number().nullable(),
  decidedAtMeetingId: z.number().nullable(),
  progress: z.array(Progress),
});
export const PriorityLibrary = z.object({
  ward: z.object({ code: z.string(), name: z.string(), boroughName: z.string() }),
  priorities: z.array(PublicPriority),
});

/** A priority as the public reads it: what, where, until when, how it is going, how it ended. */
export function toPublicPriority(p: Priority, progress: z.infer<typeof Progress>[]): z.infer<typeof PublicPriority> {
  const where = [p.placeName, ...p.streets, ...p.postcodes].filter(Boolean).join(", ");
  return {
    id: p.id,
    title: p.title,
    problem: p.problem,
    categoryLabel: categoryLabel(p.category),
    where: where || (p.area ? "The area drawn on the map" : ""),
    hasArea: p.area !== null,
    area: p.area,
    wantedAction: p.wantedAction,
    successMeasure: p.successMeasure,
    owner: p.owner,
    startDate: p.startDate,
    reviewDate: p.reviewDate,
    status: p.status,
    statusDate: p.statusDate,
    statusReason: p.statusReason,
    isCallHandlingFlagged: p.isCallHandlingFlagged,
    voteId: p.voteId,
    decidedAtMeetingId: p.decidedAtMeetingId,
    progress: progress.map(({ month, policeAction, partnerAction, whatChanged }) => ({
      month,
      policeAction,
      partnerAction,
      whatChanged,
    })),
  };
}
