import { ADMIN, type MatrixEntries, unique } from "./shared";

/** Exporting or erasing what is held about a person is for admins alone. */
export const PERSONAL_DATA_ENTRIES: MatrixEntries = {
  "personalData.export": { allowed: ADMIN, input: () => ({ email: `someone${unique()}@example.test` }) },
  "personalData.erase": { allowed: ADMIN, input: () => ({ email: `someone${unique()}@example.test` }) },
};
