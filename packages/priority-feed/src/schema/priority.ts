import * as z from "zod";

import { CrimeCategory } from "./categories.js";
import { AreaGeometry } from "./geometry.js";

/**
 * One agreed local priority as the feed publishes it.
 *
 * Objects are not strict: a consumer strips fields it does not know, so a minor schema version
 * can add fields without breaking installed clients (see canReadSchemaVersion).
 */

/** ONS GSS code, e.g. E05000138 (ward) or E09000007 (borough). */
const GssCode = z.string().regex(/^[EWSNK]\d{8}$/, "an ONS GSS code such as E05000138");

/** Full UK postcode in its canonical form: upper case, one space before the inward code. */
export const POSTCODE_PATTERN = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;
/** Postcode sector: outward code, space, first digit of the inward code (e.g. "NW1 7"). */
export const POSTCODE_SECTOR_PATTERN = /^[A-Z]{1,2}\d[A-Z\d]? \d$/;

export const PriorityStatus = z.enum(["active", "achieved", "withdrawn", "superseded"]);
export type PriorityStatus = z.infer<typeof PriorityStatus>;

export const FeedWard = z.object({
  code: GssCode,
  name: z.string().min(1),
  borough: z.object({ code: GssCode, name: z.string().min(1) }),
});

/** The attendance a force promises for calls about a flagged priority: its own setting (schema 1.1). */
export const ResponseTarget = z
  .object({
    minutes: z.int().min(1).max(1440).describe("Attendance is promised within this many minutes"),
    force: z.string().min(1).describe('police.uk id of the force whose target it is, e.g. "metropolitan"'),
  })
  .describe("The force's call-handling response target (Policing Pledge point 6)");

export const CallHandling = z
  .object({
    flagged: z.boolean().describe("Show the call handler a pop-up when a call matches"),
    responseTargetMinutes: z
      .literal(60)
      .nullable()
      .describe(
        "Schema 1.0: 60 when attendance is promised within 60 minutes, else null. Since 1.1 also null when a force's target is not 60 minutes: read responseTarget",
      ),
    responseTarget: ResponseTarget.nullable()
      .optional()
      .describe("Since schema 1.1: the promised attendance when flagged, else null; absent from 1.0 feeds"),
    lapsed: z
      .boolean()
      .optional()
      .describe(
        "Since schema 1.2: true when the flag lapsed because the panel's review is overdue (past expiresAt); flagged is then false until the priority is reviewed. Absent from older feeds",
      ),
  })
  .describe("What the control room does with a matching call");

export const PriorityArea = z
  .object({
    geometry: AreaGeometry.nullable(),
    streets: z.array(z.string().min(1)).describe("Street names as written locally"),
    postcodes: z.array(z.string().regex(POSTCODE_PATTERN)).describe('Full postcodes, e.g. "NW1 7DX"'),
    postcodeSectors: z.array(z.string().regex(POSTCODE_SECTOR_PATTERN)).describe('e.g. "NW1 7"'),
    beats: z.array(z.string().min(1)).describe("Force beat codes"),
  })
  .describe("Where a call must be for the priority to apply; any one matcher is enough");

export const DecisionRecord = z.object({
  meetingId: z.string().min(1),
  meetingDate: z.iso.date(),
  voteId: z.string().min(1).nullable(),
  resultUrl: z.url({ protocol: /^https?$/ }).nullable(),
});

const Instant = z.iso.datetime({ offset: true });

export const FeedPriority = z
  .object({
    id: z.string().min(1).describe("Stable identifier; never reused"),
    version: z.int().min(1).describe("Rises by one on each change"),
    status: PriorityStatus,
    ward: FeedWard,
    title: z.string().min(1).max(200),
    description: z.string().describe("Plain text"),
    category: CrimeCategory.nullable(),
    callHandling: CallHandling,
    area: PriorityArea,
    validFrom: Instant,
    reviewDate: z.iso.date().describe("When the panel next reviews the priority"),
    expiresAt: Instant.nullable().describe(
      "Exclusive end of validity; null runs until changed. Since schema 1.2 always set: the end of the review date plus the force's grace, after which the priority no longer matches",
    ),
    decided: DecisionRecord,
    popupText: z.string().min(1).max(200).describe("Short text for the call handler's pop-up"),
  })
  .describe("An agreed local policing priority");

export type FeedWard = z.infer<typeof FeedWard>;
export type CallHandling = z.infer<typeof CallHandling>;
export type PriorityArea = z.infer<typeof PriorityArea>;
export type DecisionRecord = z.infer<typeof DecisionRecord>;
export type FeedPriority = z.infer<typeof FeedPriority>;
