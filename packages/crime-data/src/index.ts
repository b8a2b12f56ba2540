// Public API of @wardpanel/crime-data: police.uk CSVs in, ward-assigned rows and monthly counts out.
export { CrimeFileError, UnknownForceError } from "./errors";
export { CRIME_TYPES, crimeTypeSlug } from "./crime-types";
export {
  OUTCOME_GROUPS,
  isKnownOutcome,
  normaliseOutcomeName,
  outcomeGroupOf,
  type OutcomeGroup,
} from "./outcomes";
export type { CsvInput } from "./csv-records";
export type { StreetFile, StreetRow } from "./street-row";
export { parseStreetCsv } from "./parse-street-csv";
export { parseOutcomesCsv, type OutcomesFile } from "./parse-outcomes-csv";
export type { WardFeatureCollection, WardRef } from "./ward-boundaries";
export { createWardIndex, type WardIndex } from "./ward-index";
export { forceAreaFor, forceIdForBorough, type ForceArea } from "./force-areas";
export { assignCrimes, type AssignedCrime, type Assignment, type AssignmentSummary } from "./assign-crimes";
export { summariseMonth } from "./summarise-month";
export {
  SMALL_COUNT,
  assessChange,
  describeChange,
  isChangeMeaningful,
  type ChangeAssessment,
} from "./describe-change";
