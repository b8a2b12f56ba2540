import { EVERYONE, WARD_A, WARD_A_SERGEANT, type MatrixEntries } from "./shared";

/** Sergeants write and publish packs; the chair may read the drafts; anyone reads what is published. */
const WARD_A_PACK_READERS = ["admin", "sergeantA", "chairA"] as const;
// A month with no crime data: "not found" shows the caller got past the role check.
const packA = { wardCode: WARD_A, month: "1999-01" };

export const CRIME_PACK_ENTRIES: MatrixEntries = {
  "crimePacks.forWard": { allowed: WARD_A_PACK_READERS, input: () => ({ wardCode: WARD_A }) },
  "crimePacks.saveText": { allowed: WARD_A_SERGEANT, input: () => ({ ...packA, commentary: "Burglary fell.", partnerActions: "" }) },
  "crimePacks.publish": { allowed: WARD_A_SERGEANT, input: () => ({ ...packA }) },
  "crimePacks.published": { allowed: EVERYONE, input: () => ({ wardCode: WARD_A }) },
};
