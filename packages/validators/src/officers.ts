import { z } from "zod";

import { WardCode } from "./wards";

/** The ranks of a team's officers, stored as these words (the public page translates them). */
export const OFFICER_RANKS = ["Sergeant", "Police Constable", "PCSO"] as const;
export type OfficerRank = (typeof OFFICER_RANKS)[number];

/** An officer as the sergeant writes them in the team's list: shown on the public ward page. */
export const OfficerFields = z.object({
  name: z.string().trim().min(1, "Enter the officer's name").max(120, "Keep the name under 120 characters"),
  rank: z.enum(OFFICER_RANKS, { error: "Choose the officer's rank" }),
  /** The officer's own work e-mail address, shown to the public; "" for none (the team's is shown). */
  email: z
    .union([z.literal(""), z.email("Enter an email address like name@example.police.uk")])
    .transform((value) => (value === "" ? null : value))
    .nullable(),
});
export type OfficerFields = z.input<typeof OfficerFields>;

/** Adding an officer; `position` (0-based, from an undone removal) puts them back where they were, else last. */
export const AddOfficerInput = OfficerFields.extend({
  wardCode: WardCode,
  position: z.number().int().min(0).optional(),
});
export const OfficerRef = z.object({ wardCode: WardCode, officerId: z.number().int().positive() });
export const UpdateOfficerInput = OfficerRef.extend(OfficerFields.shape);
