import { ADMIN, EVERYONE, type MatrixEntries, MET_ANALYSTS, WARD_A, WARD_A_SERGEANT } from "./shared";

/**
 * Sergeants write and publish packs; the chair may read the drafts; anyone reads what is published.
 * Drafting many wards at once is force-wide: the analysts of the force that polices the borough,
 * and only an admin for all of London.
 */
const WARD_A_PACK_READERS = ["admin", "sergeantA", "chairA"] as const;
// A month with no crime data: "not found" shows the caller got past the role check.
const packA = { wardCode: WARD_A, month: "1999-01" };

export const CRIME_PACK_ENTRIES: MatrixEntries = {
  "crimePacks.forWard": { allowed: WARD_A_PACK_READERS, input: () => ({ wardCode: WARD_A }) },
  "crimePacks.saveText": {
    allowed: WARD_A_SERGEANT,
    input: () => ({ ...packA, commentary: "Burglary fell.", partnerActions: "" }),
  },
  "crimePacks.publish": { allowed: WARD_A_SERGEANT, input: () => ({ ...packA }) },
  "crimePacks.published": { allowed: EVERYONE, input: () => ({ wardCode: WARD_A }) },
  "crimePacks.publishedPage": { allowed: EVERYONE, input: () => ({ ...packA }) },
  "crimePacks.draftPage": { allowed: WARD_A_PACK_READERS, input: () => ({ ...packA }) },
  // Camden (E09000007) is policed by the Met. Being let in returns the stream unread: nothing is drafted.
  "crimePacks.draftForBorough": {
    allowed: MET_ANALYSTS,
    input: () => ({ force: "metropolitan", month: "1999-01", boroughCode: "E09000007" }),
  },
  "crimePacks.draftForLondon": { allowed: ADMIN, input: () => ({ month: "1999-01" }) },
  "crimePacks.toReviewInBorough": {
    allowed: MET_ANALYSTS,
    input: () => ({ force: "metropolitan", month: "1999-01", boroughCode: "E09000007" }),
  },
  "crimePacks.toReviewInLondon": { allowed: ADMIN, input: () => ({ month: "1999-01" }) },
};
