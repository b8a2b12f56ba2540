// Public API of @wardpanel/postcodes: UK postcodes read, normalised, located and given a ward. No database.
export { createWardAssigner, type WardAssignedBy, type WardAssigner, type WardAssignment } from "./assign-ward";
export { CODE_POINT_OPEN_COLUMNS } from "./code-point-open";
export { PostcodeFileError } from "./errors";
export { gridToWgs84 } from "./national-grid";
export {
  type FullPostcode,
  normalisePostcode,
  type OutwardCode,
  type PostcodeQuery,
  type PostcodeSector,
  readPostcodeQuery,
} from "./postcode-format";
export type { PostcodeFileFormat, PostcodeRecord } from "./postcode-record";
export {
  type PostcodeFileHandlers,
  type PostcodeFileSummary,
  readPostcodeFile,
  readPostcodeStream,
} from "./read-postcode-file";
