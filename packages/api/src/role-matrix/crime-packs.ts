import type { MatrixEntries } from "./shared";

export const CRIME_PACK_ENTRIES: MatrixEntries = {};
