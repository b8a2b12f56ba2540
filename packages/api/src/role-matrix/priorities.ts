import { buildPriorityFields } from "@wardpanel/db/testing";

import {
  EVERYONE,
  type MatrixEntries,
  SIGNED_IN,
  WARD_A,
  WARD_A_ORGANISERS,
  WARD_A_SERGEANT,
  WARD_A_STAFF,
} from "./shared";

const priorityA = { wardCode: WARD_A, priorityId: 999_999 };
const voteA = { wardCode: WARD_A, voteId: 999_999 };
const concernA = { wardCode: WARD_A, concernId: 999_999 };
const concern = {
  description: "Speeding",
  location: "Gower Street",
  postcode: "",
  lon: null,
  lat: null,
  category: "road-safety",
};
const settings = {
  wardCode: WARD_A,
  meetingId: 999_999,
  method: "approval",
  seats: 3,
  dotsPerVoter: 5,
  ballotSecrecy: "secret",
  tieBreak: "random-seeded",
};
/** Voting members of ward A (the chair and panel members); admins pass the role check too. */
const WARD_A_VOTERS = ["admin", "chairA", "memberA"] as const;

export const PRIORITY_ENTRIES: MatrixEntries = {
  "concerns.submit": {
    allowed: EVERYONE,
    input: () => ({
      wardCode: WARD_A,
      ...concern,
      website: "",
      openedAt: Date.now() - 10_000,
      hasConsent: false,
      contactEmail: "",
    }),
  },
  "concerns.follow": { allowed: EVERYONE, input: () => ({ token: "an-unguessable-token-nobody-holds" }) },
  "concerns.record": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, ...concern, source: "snt" }) },
  "concerns.queue": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A }) },
  "concerns.merge": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, keepId: 999_999, mergeIds: [999_998] }),
  },
  "concerns.reject": { allowed: WARD_A_ORGANISERS, input: () => ({ ...concernA, reason: "Not a police matter" }) },
  "concerns.shortlist": { allowed: WARD_A_ORGANISERS, input: () => ({ ...concernA, isShortlisted: true }) },
  "concerns.rejected": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A }) },
  "concerns.restore": { allowed: WARD_A_ORGANISERS, input: () => ({ ...concernA }) },
  "concerns.setBallotWording": { allowed: WARD_A_ORGANISERS, input: () => ({ ...concernA, wording: "Speeding" }) },
  "votes.forMeeting": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A, meetingId: 999_999 }) },
  "votes.create": { allowed: WARD_A_ORGANISERS, input: () => settings },
  "votes.updateSettings": { allowed: WARD_A_ORGANISERS, input: () => ({ ...settings, voteId: 999_999 }) },
  "votes.open": { allowed: WARD_A_ORGANISERS, input: () => voteA },
  "votes.openForMe": { allowed: SIGNED_IN, input: () => undefined },
  "votes.ballot": { allowed: WARD_A_VOTERS, input: () => voteA },
  "votes.cast": { allowed: WARD_A_VOTERS, input: () => ({ ...voteA, ballot: { approved: [] } }) },
  "votes.enterNamedPaperBallot": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ ...voteA, voterUserId: 999_999, ballot: { approved: [] } }),
  },
  "votes.markPaperVoters": { allowed: WARD_A_ORGANISERS, input: () => ({ ...voteA, userIds: [999_999] }) },
  "votes.enterPaperBallots": { allowed: WARD_A_ORGANISERS, input: () => ({ ...voteA, ballots: [{ approved: [] }] }) },
  "votes.close": { allowed: WARD_A_ORGANISERS, input: () => voteA },
  "votes.chairChoice": { allowed: WARD_A_ORGANISERS, input: () => ({ ...voteA, chosen: ["concern-1"] }) },
  "votes.publish": { allowed: WARD_A_ORGANISERS, input: () => voteA },
  "votes.result": { allowed: EVERYONE, input: () => voteA },
  "priorities.forWard": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A }) },
  "priorities.create": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, ...buildPriorityFields() }) },
  "priorities.update": { allowed: WARD_A_ORGANISERS, input: () => ({ ...priorityA, ...buildPriorityFields() }) },
  "priorities.publish": { allowed: WARD_A_ORGANISERS, input: () => priorityA },
  "priorities.setCallHandling": { allowed: WARD_A_SERGEANT, input: () => ({ ...priorityA, isFlagged: true }) },
  "priorities.end": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ ...priorityA, outcome: "withdrawn", date: "2027-01-01", reason: "Resolved", supersededById: null }),
  },
  "priorities.addProgress": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ ...priorityA, month: "2026-11", policeAction: "Patrols", partnerAction: "", whatChanged: "" }),
  },
  "priorities.setLimit": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, maxActive: 3 }) },
  "priorities.library": { allowed: EVERYONE, input: () => ({ wardCode: WARD_A }) },
};
