import type { MatrixEntries } from "./shared";

export const PRIORITY_ENTRIES: MatrixEntries = {};
