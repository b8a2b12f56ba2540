/**
 * police.uk outcome categories and the plain-English groups a public pack shows.
 *
 * Names follow the data.police.uk API wording (https://data.police.uk/docs/method/outcomes-for-crime/).
 * The CSVs (and the crimes-street API) write a few differently; `normaliseOutcomeName` maps them so
 * the database holds one spelling.
 */

export const OUTCOME_GROUPS = [
  { id: "charged", label: "Charged or summonsed" },
  { id: "out-of-court", label: "Cautioned or given another out-of-court outcome" },
  { id: "under-investigation", label: "Under investigation" },
  { id: "no-suspect", label: "No suspect identified" },
  { id: "unable-to-prosecute", label: "Unable to prosecute" },
  { id: "other", label: "Other" },
] as const;

export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]["id"];

/**
 * Every outcome police.uk publishes, with its group. Why each group:
 * - charged: a suspect was charged or summonsed. Court results (prison, fine, not guilty …) come
 *   after a charge, and police.uk fills them in late and patchily, so they stay in this group
 *   rather than making a "court" group that would look misleadingly empty.
 * - out-of-court: dealt with by police without court — cautions, penalty notices, cannabis/khat
 *   warnings, community (local) resolutions.
 * - unable-to-prosecute: a suspect was identified but no prosecution followed, whether for want of
 *   evidence / victim support or because it was judged not in the public interest. A resident
 *   reading the pack needs "nobody was prosecuted", not the legal distinction.
 * - other: handed to another organisation, or police.uk has no status to show.
 */
const OUTCOMES: Record<string, OutcomeGroup> = {
  "Suspect charged": "charged",
  "Suspect charged as part of another case": "charged",
  "Awaiting court outcome": "charged",
  "Defendant sent to Crown Court": "charged",
  "Court result unavailable": "charged",
  "Court case unable to proceed": "charged",
  "Defendant found not guilty": "charged",
  "Offender sent to prison": "charged",
  "Offender given suspended prison sentence": "charged",
  "Offender given community sentence": "charged",
  "Offender fined": "charged",
  "Offender given conditional discharge": "charged",
  "Offender given absolute discharge": "charged",
  "Offender ordered to pay compensation": "charged",
  "Offender deprived of property": "charged",
  "Offender otherwise dealt with": "charged",
  "Offender given a caution": "out-of-court",
  "Offender given a drugs possession warning": "out-of-court",
  "Offender given a penalty notice": "out-of-court",
  "Local resolution": "out-of-court",
  "Under investigation": "under-investigation",
  "Investigation complete; no suspect identified": "no-suspect",
  "Unable to prosecute suspect": "unable-to-prosecute",
  "Formal action is not in the public interest": "unable-to-prosecute",
  "Further action is not in the public interest": "unable-to-prosecute",
  "Further investigation is not in the public interest": "unable-to-prosecute",
  "Action to be taken by another organisation": "other",
  "Status update unavailable": "other",
};

/** CSV spellings that differ from the API's. */
const CSV_SPELLINGS: Record<string, string> = {
  "Offender given penalty notice": "Offender given a penalty notice",
};

export const KNOWN_OUTCOMES: readonly string[] = Object.keys(OUTCOMES);

/** The API spelling of an outcome name (trimmed); unknown names pass through unchanged. */
export function normaliseOutcomeName(name: string): string {
  const trimmed = name.trim();
  return CSV_SPELLINGS[trimmed] ?? trimmed;
}

export function isKnownOutcome(name: string): boolean {
  return normaliseOutcomeName(name) in OUTCOMES;
}

/**
 * The group for an outcome. An outcome police.uk adds later lands in "other" rather than refusing
 * a whole month's import over one new label; `isKnownOutcome` lets a caller log it.
 */
export function outcomeGroupOf(name: string): OutcomeGroup {
  return OUTCOMES[normaliseOutcomeName(name)] ?? "other";
}

export function outcomeGroupLabel(group: OutcomeGroup): string {
  return OUTCOME_GROUPS.find((g) => g.id === group)?.label ?? group;
}
