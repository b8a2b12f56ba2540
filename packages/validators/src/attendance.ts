import { z } from "zod";

import { MeetingRef } from "./meetings";

export const ATTENDANCE_STATUSES = ["present", "apologies", "absent"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: "Present",
  apologies: "Apologies",
  absent: "Absent",
};

export const MarkAttendanceInput = MeetingRef.extend({
  userId: z.number().int().positive(),
  status: z.enum(ATTENDANCE_STATUSES),
});

export const GUEST_KINDS = ["police", "partner"] as const;
export const AddGuestInput = MeetingRef.extend({
  kind: z.enum(GUEST_KINDS),
  name: z.string().trim().min(1, "Enter their name").max(120, "Keep this under 120 characters"),
  organisation: z.string().trim().max(120, "Keep this under 120 characters"),
});
export const GuestRef = MeetingRef.extend({ guestId: z.number().int().positive() });

export const SetPublicCountInput = MeetingRef.extend({
  count: z
    .number({ message: "Enter a number" })
    .int("Enter a whole number")
    .min(0, "The count cannot be negative")
    .max(2000, "That is more people than a ward meeting holds"),
});

/** A member of the public leaving their details for updates: only with their consent, nothing more. */
export const PublicSignInInput = MeetingRef.extend({
  name: z.string().trim().min(1, "Enter their name").max(120, "Keep this under 120 characters"),
  email: z.email("Enter an e-mail address like name@example.com").max(254),
  consent: z.literal(true, { message: "They must agree to be sent updates before their details are kept" }),
});

export const QuorumRuleInput = z.object({
  wardCode: z.string(),
  rule: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("more_than_half") }),
    z.object({
      kind: z.literal("fixed"),
      minimum: z.number().int().min(1, "At least 1 member must be present").max(100),
    }),
  ]),
});

export const MemberHistoryInput = z.object({ wardCode: z.string(), userId: z.number().int().positive() });
