// Public API of @wardpanel/packs: a ward's month of data → one view model → web HTML, PDF, e-mail.
export { buildPackView, monthLabel, ATTRIBUTION, type PackView, type Comparison, type OutcomeLine } from "./view-model";
export { projectMap, type PackMap } from "./map";
export { renderPackHtml } from "./render-html";
export { renderPackEmail, type PackEmail } from "./render-email";
export { renderPackPdf } from "./render-pdf";
export { escapeHtml } from "./svg";
export { importCrimeFiles, wardIndexFor, type CrimeFileInput, type ImportCrimeFilesParams, type ImportCrimeFilesResult } from "./import-crimes";
export { getDraftPackView, getPublishedPackView } from "./pack-views";
export { generateDraftPacks, type DraftProgress, type GenerateDraftsParams, type GenerateDraftsResult } from "./drafts";
