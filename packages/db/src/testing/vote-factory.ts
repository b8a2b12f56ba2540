import type { Db } from "../client";
import { getRoster, markAttendance } from "../queries/attendance";
import { setShortlisted, submitConcern } from "../queries/concerns";
import { startMeeting } from "../queries/live";
import { getMeetingInWard } from "../queries/meetings";
import { castOnlineBallot } from "../queries/vote-ballots";
import { closeVote, createVote, openVote, publishVoteResult } from "../queries/votes";

/**
 * A vote run to the end at a meeting: concerns raised and shortlisted, everyone on the roster
 * present, each voting member approving the concerns `approvals[i]` picks (by index), or ranking
 * them in the order `rankings[i]` gives for a ranked vote, the result published and its winners
 * made draft priorities. Shared by tests and the demo.
 */
export function seedPublishedVote(
  db: Db,
  params: {
    wardCode: string;
    meetingId: number;
    concerns: string[];
    /** Each member's approvals (concern indexes): an approval vote. */
    approvals?: number[][];
    /** Each member's ranking (concern indexes, first choice first): a ranked vote counted by STV instead. */
    rankings?: number[][];
    seats: number;
    now: Date;
    secret?: boolean;
    /** The e-mail (given with consent to updates) of whoever raised each concern, by index. */
    contactEmails?: (string | null)[];
  },
) {
  const { wardCode, meetingId, now } = params;
  const concernIds = params.concerns.map(
    (description, i) =>
      submitConcern(db, {
        wardCode,
        source: "public_form",
        concern: {
          description,
          location: description,
          postcode: "",
          lon: null,
          lat: null,
          category: "anti-social-behaviour",
          hasConsent: Boolean(params.contactEmails?.[i]),
          contactEmail: params.contactEmails?.[i] ?? "",
        },
        tokenSecret: "a-secret-for-tests",
        now,
      }).concernId,
  );
  concernIds.forEach((concernId) => setShortlisted(db, { wardCode, concernId, isShortlisted: true, now: now }));
  const meeting = getMeetingInWard(db, wardCode, meetingId);
  if (meeting.status === "published") startMeeting(db, { wardCode, meetingId, now });
  const roster = getRoster(db, meeting);
  roster.forEach((member) =>
    markAttendance(db, { wardCode, meetingId, userId: member.userId, status: "present", now }),
  );
  const voteId = createVote(db, {
    wardCode,
    meetingId,
    settings: {
      method: params.rankings ? "ranked" : "approval",
      seats: params.seats,
      dotsPerVoter: 5,
      ballotSecrecy: params.secret === false ? "open" : "secret",
      tieBreak: "random-seeded",
    },
    createdBy: null,
  });
  openVote(db, { wardCode, voteId, now });
  const ballots = params.rankings ?? params.approvals ?? [];
  const concernKey = (index: number) => `concern-${concernIds[index]}`;
  ballots.forEach((picks, i) => {
    const member = roster[i];
    if (!member) return;
    castOnlineBallot(db, {
      wardCode,
      voteId,
      voter: { id: member.userId, name: member.name },
      ballot: params.rankings ? { ranking: picks.map(concernKey) } : { approved: picks.map(concernKey) },
      now,
    });
  });
  closeVote(db, { wardCode, voteId, now });
  const priorityIds = publishVoteResult(db, { wardCode, voteId, now });
  return { voteId, priorityIds, concernIds };
}
