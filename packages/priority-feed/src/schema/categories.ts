import * as z from "zod";

/**
 * Police.uk street-level crime categories (https://data.police.uk/docs/method/crime-categories/),
 * as slugs. A priority takes the one that fits, or null when none does (e.g. "speeding outside
 * the school", which police.uk does not publish as a crime category).
 */
export const CRIME_CATEGORIES = [
  "anti-social-behaviour",
  "bicycle-theft",
  "burglary",
  "criminal-damage-arson",
  "drugs",
  "other-theft",
  "possession-of-weapons",
  "public-order",
  "robbery",
  "shoplifting",
  "theft-from-the-person",
  "vehicle-crime",
  "violent-crime",
  "other-crime",
] as const;

export const CrimeCategory = z.enum(CRIME_CATEGORIES).describe("police.uk crime category slug");
export type CrimeCategory = z.infer<typeof CrimeCategory>;
