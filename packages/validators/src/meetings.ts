import { z } from "zod";

import { CalendarMonth, LocalDate, LocalTime } from "./calendar-fields";
import { WardCode } from "./wards";

export const MEETING_KINDS = [
  "panel_meeting",
  "public_meeting",
  "surgery",
  "street_briefing",
  "mobile_police_station",
  "online_meeting",
] as const;
const MeetingKind = z.enum(MEETING_KINDS);
type MeetingKind = z.infer<typeof MeetingKind>;

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  panel_meeting: "Panel meeting",
  public_meeting: "Public meeting",
  surgery: "Surgery",
  street_briefing: "Street briefing",
  mobile_police_station: "Mobile police station visit",
  online_meeting: "Online meeting",
};

export const MEETING_STATUSES = ["draft", "published", "held", "minutes_published", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: "Draft: not advertised",
  published: "Advertised",
  held: "Held",
  minutes_published: "Minutes published",
  cancelled: "Cancelled",
};

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);

/** Where, when and what: the same for one meeting and for each meeting of a series. */
const MeetingDetailsShape = z.object({
  kind: MeetingKind,
  title: text(120).min(1, "Give the meeting a title"),
  startTime: LocalTime,
  endTime: LocalTime,
  venueName: text(120),
  venueAddress: text(300),
  stepFreeAccess: z.boolean(),
  hearingLoop: z.boolean(),
  nearestTransport: text(200),
  onlineUrl: z.union([z.literal(""), z.url({ protocol: /^https$/, message: "Enter the full https:// link to join" })]),
  invited: text(300),
});

type Details = z.infer<typeof MeetingDetailsShape>;
/** Where, when and what: the validated details of one meeting or of each meeting of a series. */
export type MeetingDetails = Details;

function checkDetails(details: Details, ctx: z.RefinementCtx) {
  if (details.endTime <= details.startTime) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "The meeting must end after it starts" });
  }
  if (details.kind === "online_meeting" && details.onlineUrl === "") {
    ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "An online meeting needs the link to join" });
  }
  if (details.kind !== "online_meeting" && (details.venueName === "" || details.venueAddress === "")) {
    ctx.addIssue({
      code: "custom",
      path: [details.venueName === "" ? "venueName" : "venueAddress"],
      message: "Say where the meeting is: the venue and its address",
    });
  }
}

export const CreateMeetingInput = MeetingDetailsShape.extend({ wardCode: WardCode, date: LocalDate }).superRefine(
  checkDetails,
);
export type CreateMeetingInput = z.input<typeof CreateMeetingInput>;

export const UpdateMeetingInput = MeetingDetailsShape.extend({
  wardCode: WardCode,
  meetingId: z.number().int().positive(),
  date: LocalDate,
}).superRefine(checkDetails);
export type UpdateMeetingInput = z.input<typeof UpdateMeetingInput>;

export const MonthlyRuleInput = z.object({
  ordinal: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
  weekday: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]),
  firstMonth: CalendarMonth,
  months: z.number().int().min(1, "A series has at least one meeting").max(24, "Schedule at most 24 months at a time"),
});

export const ScheduleSeriesInput = MeetingDetailsShape.extend({
  wardCode: WardCode,
  rule: MonthlyRuleInput,
}).superRefine(checkDetails);
export type ScheduleSeriesInput = z.input<typeof ScheduleSeriesInput>;

export const MeetingRef = z.object({ wardCode: WardCode, meetingId: z.number().int().positive() });
/** A page of a ward's past meetings, newest first: page 1 is the latest ten. */
export const PastMeetingsInput = z.object({ wardCode: WardCode, page: z.number().int().min(1).max(10_000).default(1) });
export const CancelMeetingInput = MeetingRef.extend({
  reason: text(300).min(1, "Say why the meeting is cancelled: the reason stays on the public page"),
});

/**
 * The schedule form: one meeting, or a monthly series, with the same details. The browser checks
 * it with this schema; the server checks what is sent with CreateMeetingInput or ScheduleSeriesInput.
 */
export const ScheduleMeetingForm = MeetingDetailsShape.extend({
  repeat: z.enum(["once", "monthly"]),
  date: z.string(),
  rule: z.object({
    ordinal: z.number(),
    weekday: z.number(),
    firstMonth: z.string(),
    months: z.number({ message: "Enter how many months" }),
  }),
}).superRefine((form, ctx) => {
  checkDetails(form, ctx);
  if (form.repeat === "once") {
    const date = LocalDate.safeParse(form.date);
    if (!date.success)
      ctx.addIssue({ code: "custom", path: ["date"], message: date.error.issues[0]?.message ?? "Enter a real date" });
    return;
  }
  const rule = MonthlyRuleInput.safeParse(form.rule);
  for (const issue of rule.success ? [] : rule.error.issues)
    ctx.addIssue({ code: "custom", path: ["rule", ...issue.path.map(String)], message: issue.message });
});
export type ScheduleMeetingForm = z.infer<typeof ScheduleMeetingForm>;
export type CancelMeetingInput = z.infer<typeof CancelMeetingInput>;

/** Publishing every draft still to come in a series of meetings scheduled together. */
export const PublishSeriesInput = z.object({ wardCode: WardCode, seriesId: z.number().int().positive() });
