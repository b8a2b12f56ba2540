// Public API of @wardpanel/packs: a ward's month of data → one view model → web HTML, PDF, e-mail.
export { CrimeImportRefusal, ReplaceNotConfirmedError } from "./crime-import-errors";
export { generateDraftPacks, type GenerateDraftsParams, type GenerateDraftsResult } from "./drafts";
export { commitCrimeImport, type ImportCrimeFilesResult, prepareCrimeImport } from "./import-crimes";
export { getDraftPackView, getPublishedPackView } from "./pack-views";
export { renderPackEmail } from "./render-email";
export { packMapLabel, renderPackHtml } from "./render-html";
export { renderPackPdf } from "./render-pdf";
export { importStagedCrimeFiles } from "./staged-imports";
export { escapeHtml } from "./svg";
export { buildPackView, type PackView } from "./view-model";
