import { z } from "zod";

import { CalendarMonth, LocalDate } from "./calendar-fields";
import { formMessage } from "./form-messages";
import { LanguageCode } from "./packs";
import { WardCode } from "./wards";

const text = (max: number) => z.string().trim().max(max, formMessage("tooLong", { max }));

/** police.uk crime category slugs (https://data.police.uk/docs/method/crime-categories/). */
export const POLICE_UK_CATEGORIES = {
  "anti-social-behaviour": "Anti-social behaviour",
  "bicycle-theft": "Bicycle theft",
  burglary: "Burglary",
  "criminal-damage-arson": "Criminal damage and arson",
  drugs: "Drugs",
  "other-theft": "Other theft",
  "possession-of-weapons": "Possession of weapons",
  "public-order": "Public order",
  robbery: "Robbery",
  shoplifting: "Shoplifting",
  "theft-from-the-person": "Theft from the person",
  "vehicle-crime": "Vehicle crime",
  "violent-crime": "Violence and sexual offences",
  "other-crime": "Other crime",
} as const;
export type PoliceUkCategory = keyof typeof POLICE_UK_CATEGORIES;

/**
 * The one list concerns and priorities are filed under: police.uk's categories, and two that
 * residents raise but police.uk does not publish (speeding; anything else). A concern's category
 * carries over to the priority it becomes; the feed and the police.uk-shaped API pass on only
 * police.uk's own (the others as none).
 */
export const CATEGORIES = {
  ...POLICE_UK_CATEGORIES,
  "road-safety": "Road safety",
  other: "Something else",
} as const;
export type Category = keyof typeof CATEGORIES;
const CATEGORY_SLUGS = Object.keys(CATEGORIES) as [Category, ...Category[]];
export const CategorySlug = z.enum(CATEGORY_SLUGS, { message: formMessage("chooseCategory") });

/** A category's words; a value stored before the one list (free text) is shown as it was. */
export function categoryLabel(category: string | null): string | null {
  if (category === null) return null;
  return category in CATEGORIES ? CATEGORIES[category as Category] : category;
}

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z.array(Position).min(4, "An area needs at least three corners");
/** A drawn area: GeoJSON Polygon or MultiPolygon in WGS84 (RFC 7946). */
export const AreaGeometry = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

export const PriorityFields = z.object({
  title: text(120).min(1, "Give the priority a short title"),
  problem: text(1000),
  category: CategorySlug.nullable(),
  area: AreaGeometry.nullable(),
  streets: z.array(text(120).min(1)).max(50),
  postcodes: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, "Enter postcodes like WC1N 3NR"),
    )
    .max(50),
  placeName: text(200),
  wantedAction: text(1000),
  successMeasure: text(1000),
  startDate: LocalDate.nullable(),
  reviewDate: LocalDate.nullable(),
  owner: text(120),
});
export type PriorityFields = z.infer<typeof PriorityFields>;

export const PriorityRef = z.object({ wardCode: WardCode, priorityId: z.number().int().positive() });
export const CreatePriorityInput = PriorityFields.extend({ wardCode: WardCode });
export const UpdatePriorityInput = PriorityFields.extend(PriorityRef.shape);
export const SetCallHandlingInput = PriorityRef.extend({ isFlagged: z.boolean() });

export const PRIORITY_OUTCOMES = ["achieved", "withdrawn", "superseded"] as const;
export const EndPriorityInput = PriorityRef.extend({
  outcome: z.enum(PRIORITY_OUTCOMES),
  date: LocalDate,
  reason: text(500).min(1, "Say why the priority ended: the public will see this"),
  supersededById: z.number().int().positive().nullable(),
});

export const ProgressInput = PriorityRef.extend({
  month: CalendarMonth,
  policeAction: text(2000).min(1, "Say what police did"),
  partnerAction: text(2000),
  whatChanged: text(2000),
});

export const PriorityLimitInput = z.object({
  wardCode: WardCode,
  maxActive: z.number().int().min(1, "Allow at least 1").max(10, "At most 10"),
});

const ConcernFields = z.object({
  description: text(1000).min(1, formMessage("describeProblem")),
  location: text(200).min(1, formMessage("sayWhere")),
  postcode: z.union([
    z.literal(""),
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, formMessage("postcode")),
  ]),
  lon: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  category: CategorySlug,
});

/**
 * The public form. Spam-resistant without a captcha: `website` is a field people never see (a bot
 * fills it), and `openedAt` says when the form was shown (a bot posts at once).
 */
export const PublicConcernInput = ConcernFields.extend({
  wardCode: WardCode,
  website: z.string().max(200),
  openedAt: z.number().int(),
  /** Updates by e-mail only with this box ticked; without it the address is not kept. */
  hasConsent: z.boolean().default(false),
  contactEmail: z.union([z.literal(""), z.email(formMessage("email")).max(200)]).default(""),
  /** The language the person wrote in (a catalogue code): their e-mails about it are written in it. */
  language: LanguageCode.optional(),
});
export const SntConcernInput = ConcernFields.extend({ wardCode: WardCode, source: z.literal("snt") });

export const ConcernRef = z.object({ wardCode: WardCode, concernId: z.number().int().positive() });
export const MergeConcernsInput = z.object({
  wardCode: WardCode,
  keepId: z.number().int().positive(),
  mergeIds: z.array(z.number().int().positive()).min(1, "Choose the duplicates to merge"),
});
export const RejectConcernInput = ConcernRef.extend({
  reason: text(500).min(1, "Say why: the person who raised it may ask"),
});
export const ShortlistInput = ConcernRef.extend({ isShortlisted: z.boolean() });
/** The words that go on the ballot for a concern; empty puts back the words of the person who raised it. */
export const BallotWordingInput = ConcernRef.extend({
  wording: text(100),
});

export const VOTE_METHODS = ["approval", "score", "dots", "ranked"] as const;
export const VOTE_METHOD_LABELS: Record<(typeof VOTE_METHODS)[number], string> = {
  approval: "Approval: tick every option you support",
  score: "Score: give each option 0 to 5",
  dots: "Dot votes: share your dots among the options",
  ranked: "Ranked: number the options in order (single transferable vote)",
};
export const TIE_BREAKS = ["random-seeded", "earliest-raised", "chair-casting"] as const;
export const TIE_BREAK_LABELS: Record<(typeof TIE_BREAKS)[number], string> = {
  "random-seeded": "A draw anyone can check, seeded by the vote record",
  "earliest-raised": "The concern raised earliest",
  "chair-casting": "The chair's casting decision, recorded in the vote",
};
export const VoteSettingsInput = z.object({
  wardCode: WardCode,
  meetingId: z.number().int().positive(),
  method: z.enum(VOTE_METHODS),
  seats: z.number().int().min(1, "Choose at least 1 priority").max(10, "Choose at most 10"),
  dotsPerVoter: z.number().int().min(1).max(20),
  ballotSecrecy: z.enum(["open", "secret"]),
  tieBreak: z.enum(TIE_BREAKS),
});
export const VoteRef = z.object({ wardCode: WardCode, voteId: z.number().int().positive() });
const BallotShape = z.record(z.string(), z.unknown());
/** Strict: a ballot is always the signed-in member's own, so naming another voter is refused. */
export const CastBallotInput = z.strictObject({ ...VoteRef.shape, ballot: BallotShape });
/** Open ballots: a paper ballot entered for the named member. */
export const NamedPaperBallotInput = VoteRef.extend({ voterUserId: z.number().int().positive(), ballot: BallotShape });
/** Secret ballots: who voted on paper (not how). */
export const PaperVotersInput = VoteRef.extend({
  userIds: z
    .array(z.number().int().positive())
    .min(1, "Choose at least one member who voted on paper")
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, "Choose each member once"),
});
/** Secret ballots: paper ballots without names. */
export const UnnamedPaperBallotsInput = VoteRef.extend({
  ballots: z.array(BallotShape).min(1, "Enter at least one paper ballot").max(500),
});
export const ChairChoiceInput = VoteRef.extend({ chosen: z.array(z.string()).min(1) });
