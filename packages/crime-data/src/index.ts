// Public API of @wardpanel/crime-data: police.uk CSVs and API JSON in, ward-assigned rows and monthly counts out.
export { assignCrimes, type AssignedCrime, type Assignment, type AssignmentSummary } from "./assign-crimes";
export { CRIME_TYPES, crimeTypeSlug } from "./crime-types";
export type { CsvInput } from "./csv-records";
export {
  assessChange,
  type ChangeAssessment,
  describeChange,
  isChangeMeaningful,
  SMALL_COUNT,
} from "./describe-change";
export { CrimeFileError, UnknownForceError, WardBoundaryError } from "./errors";
export {
  type ForceArea,
  forceAreaFor,
  forceIdForBorough,
  type ForceRef,
  londonBoroughsOf,
  policesLondon,
} from "./force-areas";
export { isDistrictOutsideForce } from "./force-districts";
export { isKnownOutcome, normaliseOutcomeName, OUTCOME_GROUPS, type OutcomeGroup, outcomeGroupOf } from "./outcomes";
export { type OutcomesFile, parseOutcomesCsv } from "./parse-outcomes-csv";
export { parseStreetCsv } from "./parse-street-csv";
export { type ApiParseOptions, parseStreetJson } from "./parse-street-json";
export type { StreetFile, StreetRow } from "./street-row";
export { summariseMonth } from "./summarise-month";
export type { WardFeatureCollection, WardRef } from "./ward-boundaries";
export { COORDINATE_SYSTEM_NAMES, type CoordinateSystem } from "./ward-file/coordinate-system";
export { gridToWgs84 } from "./ward-file/national-grid";
export {
  type BoundaryWard,
  readWardBoundaries,
  type WardBoundaries,
  type WardFileOptions,
} from "./ward-file/read-ward-boundaries";
export type { WardGeometry } from "./ward-file/ward-geometry";
export { largestOverlaps, type OverlapCandidate, type WardOverlap } from "./ward-file/ward-overlap";
export { COLUMN_FLAGS, type WardColumnFlags, type WardColumns } from "./ward-file/ward-properties";
export { createWardIndex, type WardIndex } from "./ward-index";
