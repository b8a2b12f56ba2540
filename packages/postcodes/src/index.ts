// Public API of @wardpanel/postcodes: UK postcodes read, normalised, located and given a ward. No database.
export { PostcodeFileError } from "./errors";
export {
  normalisePostcode,
  readPostcodeQuery,
  type FullPostcode,
  type OutwardCode,
  type PostcodeQuery,
  type PostcodeSector,
} from "./postcode-format";
export { gridToWgs84 } from "./national-grid";
export type { PostcodeFileFormat, PostcodeRecord } from "./postcode-record";
export { CODE_POINT_OPEN_COLUMNS } from "./code-point-open";
export {
  readPostcodeFile,
  readPostcodeStream,
  type PostcodeFileHandlers,
  type PostcodeFileSummary,
} from "./read-postcode-file";
export { createWardAssigner, type WardAssigner, type WardAssignment, type WardAssignedBy } from "./assign-ward";
