import type { MatrixEntries } from "./shared";

export const FEED_ENTRIES: MatrixEntries = {};
