import type { Priority } from "@wardpanel/db/queries/priorities";
import { londonParts } from "@wardpanel/meetings/london-time";
import { AreaGeometry, categoryLabel, PRIORITY_STATUSES, priorityReview } from "@wardpanel/validators";
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
  /** The category slug (`categories.*` in the catalogues words it); null when none was chosen. */
  category: z.string().nullable(),
  /** The category in English, for readers with no catalogue. */
  categoryLabel: z.string().nullable(),
  /** The places written for it, comma-separated; empty when there are none (see `hasArea`). */
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
  /** London days: the last review (published, progress reported or status changed) and the next one due. */
  lastReviewed: z.string().nullable(),
  nextReviewBy: z.string().nullable(),
  /** An active priority not reviewed for 90 days (validators' `priorityReview`). */
  isOutOfDate: z.boolean(),
});
export const PriorityLibrary = z.object({
  ward: z.object({ code: z.string(), name: z.string(), boroughName: z.string() }),
  priorities: z.array(PublicPriority),
});

type ProgressRow = z.infer<typeof Progress> & { createdAt: Date };

/** When a priority was last reviewed and whether it is out of date, on the London day of `now`. */
export function reviewOf(p: Priority, progress: ProgressRow[], now: Date) {
  return priorityReview(
    {
      status: p.status,
      reviewDate: p.reviewDate,
      reviewedOn: [
        p.publishedAt && londonParts(p.publishedAt).date,
        p.statusDate,
        ...progress.map((e) => londonParts(e.createdAt).date),
      ],
    },
    londonParts(now).date,
  );
}

/** A priority as the public reads it: what, where, until when, how it is going, how it ended. */
export function toPublicPriority(p: Priority, progress: ProgressRow[], now: Date): z.infer<typeof PublicPriority> {
  const where = [p.placeName, ...p.streets, ...p.postcodes].filter(Boolean).join(", ");
  return {
    id: p.id,
    title: p.title,
    problem: p.problem,
    category: p.category,
    categoryLabel: categoryLabel(p.category),
    where,
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
    // A flag that lapsed for want of a review (decision 0029) promises the public nothing.
    isCallHandlingFlagged: p.isCallHandlingFlagged && p.flagLapsedAt === null,
    voteId: p.voteId,
    decidedAtMeetingId: p.decidedAtMeetingId,
    progress: progress.map(({ month, policeAction, partnerAction, whatChanged }) => ({
      month,
      policeAction,
      partnerAction,
      whatChanged,
    })),
    ...reviewOf(p, progress, now),
  };
}
