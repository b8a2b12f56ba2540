import { z } from "zod";

/** Where a concern stands: new, on the shortlist, merged into another, rejected, or chosen as a priority. */
export const CONCERN_STATUSES = ["new", "shortlisted", "merged", "rejected", "prioritised"] as const;

/** Each step in a concern's life that the person who raised it hears about (and sees on its follow page). */
export const CONCERN_EVENT_KINDS = [
  "received",
  "merged",
  "shortlisted",
  "unshortlisted",
  "rejected",
  "restored",
  "prioritised",
  "priority_ended",
] as const;
export type ConcernEventKind = (typeof CONCERN_EVENT_KINDS)[number];

/** What a step needs to be told in plain words: which concern it joined, why it was rejected, which priority. */
export type ConcernEventDetail = {
  mergedIntoReference?: string;
  reason?: string;
  priorityId?: number;
  priorityTitle?: string;
  outcome?: "achieved" | "withdrawn" | "superseded";
};

/** The private follow link's token: 160 bits or more, URL-safe. */
export const FollowConcernInput = z.object({ token: z.string().min(20).max(100) });
