// Public API of @wardpanel/crime-data: police.uk CSVs in, ward-assigned rows and monthly counts out.
export { CrimeFileError, UnknownForceError, WardBoundaryError } from "./errors";
export { CRIME_TYPES, CRIME_TYPE_SLUGS, crimeTypeName, crimeTypeSlug, type CrimeTypeName, type CrimeTypeSlug } from "./crime-types";
export {
  KNOWN_OUTCOMES,
  OUTCOME_GROUPS,
  isKnownOutcome,
  normaliseOutcomeName,
  outcomeGroupLabel,
  outcomeGroupOf,
  type OutcomeGroup,
} from "./outcomes";
export { OUTCOME_COLUMNS, STREET_COLUMNS } from "./columns";
export type { CsvInput } from "./csv-records";
export type { StreetFile, StreetRow } from "./street-row";
export { parseStreetCsv, type ParseOptions } from "./parse-street-csv";
export { parseOutcomesCsv, type OutcomeUpdate, type OutcomesFile } from "./parse-outcomes-csv";
export type { WardFeatureCollection, WardRef } from "./ward-boundaries";
export { createWardIndex, type WardIndex } from "./ward-index";
export { forceAreaFor, forceIdForBorough, type ForceArea } from "./force-areas";
export { assignCrimes, type AssignedCrime, type Assignment, type AssignmentSummary, type Placement } from "./assign-crimes";
export { summariseMonth, type MonthSummary, type WardMonthSummary } from "./summarise-month";
export {
  SMALL_COUNT,
  assessChange,
  describeChange,
  isChangeMeaningful,
  type ChangeAssessment,
  type ChangeVerdict,
  type CountLabel,
} from "./describe-change";
