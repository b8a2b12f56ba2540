// Public API of @wardpanel/packs: a ward's month of data → one view model → web HTML, PDF, e-mail.
export { buildPackView, monthLabel, ATTRIBUTION, type PackView, type Comparison, type OutcomeLine } from "./view-model";
export { projectMap, type PackMap } from "./map";
export { renderPackHtml } from "./render-html";
export { renderPackEmail, type PackEmail } from "./render-email";
export { renderPackPdf } from "./render-pdf";
export { escapeHtml } from "./svg";
export {
  commitCrimeImport,
  importCrimeFiles,
  prepareCrimeImport,
  wardIndexFor,
  type CrimeFileInput,
  type ImportCrimeFilesParams,
  type ImportCrimeFilesResult,
  type PreparedCrimeImport,
} from "./import-crimes";
export { CrimeImportRefusal, ReplaceNotConfirmedError, type CrimeFileField } from "./crime-import-errors";
export { importStagedCrimeFiles } from "./staged-imports";
export { getDraftPackView, getPublishedPackView } from "./pack-views";
export { generateDraftPacks, type DraftProgress, type GenerateDraftsParams, type GenerateDraftsResult } from "./drafts";
