import { ADMIN, type MatrixEntries, unique, WARD_A } from "./shared";

/** Control-room keys and webhooks are admins' business; a ward's response record is its sergeant's and chair's. */
const WARD_A_SERGEANT_AND_CHAIR = ["admin", "sergeantA", "chairA"] as const;

export const FEED_ENTRIES: MatrixEntries = {
  "feedAdmin.apiKeys": { allowed: ADMIN, input: () => undefined },
  "feedAdmin.createApiKey": {
    allowed: ADMIN,
    input: () => ({ name: `Control room ${unique()}`, boroughCodes: ["E09000007"] }),
  },
  "feedAdmin.revokeApiKey": { allowed: ADMIN, input: () => ({ id: 999_999 }) },
  "feedAdmin.webhooks": { allowed: ADMIN, input: () => undefined },
  "feedAdmin.wardResponses": { allowed: WARD_A_SERGEANT_AND_CHAIR, input: () => ({ wardCode: WARD_A }) },
  "feedAdmin.allResponses": { allowed: ADMIN, input: () => ({}) },
  /** Across the viewer's own wards: every sergeant and chair (of any ward), and admins. */
  "feedAdmin.responseMisses": { allowed: ["admin", "sergeantA", "chairA", "sergeantB"], input: () => ({}) },
};
