import { type MatrixEntries, MET_ANALYSTS } from "./shared";

/**
 * A force's crime data is the force's analysts' (and admins'): an analyst for the City of London
 * Police is refused on the Met's. Acting on an import that does not exist: "not found" shows the
 * caller got past the role check.
 */
const metImport = { force: "metropolitan", importId: 999_999 };

export const CRIME_DATA_ENTRIES: MatrixEntries = {
  "crimeData.imports": { allowed: MET_ANALYSTS, input: () => ({ force: "metropolitan" }) },
  "crimeData.confirmUpload": {
    allowed: MET_ANALYSTS,
    input: () => ({ force: "metropolitan", stagedImportId: 999_999 }),
  },
  "crimeData.restorePreview": { allowed: MET_ANALYSTS, input: () => ({ ...metImport }) },
  "crimeData.restore": { allowed: MET_ANALYSTS, input: () => ({ ...metImport, heldImportId: null }) },
};
