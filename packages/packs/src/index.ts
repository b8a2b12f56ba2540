// Public API of @wardpanel/packs: a ward's month of data → one view model → web HTML, PDF, e-mail.
export { buildPackView, type PackView } from "./view-model";
export { renderPackHtml } from "./render-html";
export { renderPackEmail } from "./render-email";
export { renderPackPdf } from "./render-pdf";
export { escapeHtml } from "./svg";
export {
  commitCrimeImport,
  prepareCrimeImport,
  type ImportCrimeFilesResult,
} from "./import-crimes";
export { CrimeImportRefusal, ReplaceNotConfirmedError } from "./crime-import-errors";
export { importStagedCrimeFiles } from "./staged-imports";
export { getDraftPackView, getPublishedPackView } from "./pack-views";
export { generateDraftPacks, type GenerateDraftsParams, type GenerateDraftsResult } from "./drafts";
