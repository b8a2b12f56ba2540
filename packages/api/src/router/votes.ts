import { getMeetingQuorum } from "@wardpanel/db/queries/attendance";
import { listShortlist } from "@wardpanel/db/queries/concerns";
import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import {
  castOnlineBallot,
  enterNamedPaperBallot,
  enterUnnamedPaperBallots,
  hasVoted,
  listVoteMembers,
  listVoterNames,
  markPaperVoters,
} from "@wardpanel/db/queries/vote-ballots";
import {
  closeVote,
  createVote,
  getOpenedPayload,
  getVoteInWard,
  getVoteProgress,
  getVoteRecord,
  listWardVotes,
  openVote,
  publishVoteResult,
  recordChairChoice,
  updateVoteSettings,
  verifyStoredVote,
} from "@wardpanel/db/queries/votes";
import {
  CastBallotInput,
  ChairChoiceInput,
  defined,
  mayInWard,
  MeetingRef,
  NamedPaperBallotInput,
  PaperVotersInput,
  UnnamedPaperBallotsInput,
  VoteRef,
  VoteSettingsInput,
} from "@wardpanel/validators";
import {
  type BallotSourcePart,
  ballotSourceParts,
  ballotSourcesInWords,
  recordTrackers,
  type VoteConfig,
  type VoteResult,
} from "@wardpanel/voting";
import { z } from "zod";

import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";
import { openVotesForMe } from "./votes-open";

const PublishedVote = z.discriminatedUnion("isPublished", [
  z.object({ isPublished: z.literal(false) }),
  z.object({
    isPublished: z.literal(true),
    meetingTitle: z.string(),
    meetingId: z.number(),
    config: z.custom<VoteConfig>(),
    result: z.custom<VoteResult>(),
    finalHash: z.string(),
    /** How the ballots were cast: online, or on paper entered by whom (and for whom, in an open ballot). */
    ballotSources: z.array(z.string()),
    /** The same as figures and names, for the page to word in the reader's language (issue 13). */
    ballotSourceParts: z.array(z.custom<BallotSourcePart>()),
    /** Every ballot's tracker (decision 0038), sorted, so each voter can find theirs. */
    trackers: z.array(z.string()),
    /**
     * "cast": a secret vote's random trackers, listed apart from the ballots (they prove a ballot
     * was counted, not how); "entry": derived from the ballot entries (open votes, older secret votes).
     */
    trackerKind: z.enum(["cast", "entry"]),
    /** Who voted, by name, sorted: never how, and not linked to the trackers. */
    voters: z.array(z.string()),
    verification: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.string() })]),
  }),
]);

/** Voting members: the chair and panel members cast ballots on their own devices. */
const voter = wardProcedure("castVotes");

const settingsOf = ({ wardCode: _w, meetingId: _m, ...settings }: z.infer<typeof VoteSettingsInput>) => settings;

export const votesRouter = createTRPCRouter({
  /**
   * Votes at a meeting, with the shortlist and quorum, for the chair running it. While a vote is
   * open, the chair and sergeant also get its electorate by name with whether each has voted
   * (never how), to record paper voters; other staff get an empty list.
   */
  forMeeting: wardProcedure("seeWard")
    .input(MeetingRef)
    .query(({ ctx, input }) => {
      const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
      const runsVotes = mayInWard(ctx.viewer.roles, "runVotes", input.wardCode);
      return {
        quorum: getMeetingQuorum(ctx.db, meeting),
        shortlist: listShortlist(ctx.db, input.wardCode),
        votes: listWardVotes(ctx.db, input.wardCode)
          .filter((v) => v.meetingId === meeting.id)
          .map((v) => {
            const vote = getVoteInWard(ctx.db, input.wardCode, v.id);
            const members = runsVotes ? listVoteMembers(ctx.db, vote, getOpenedPayload(ctx.db, vote.id)) : [];
            return {
              id: v.id,
              status: vote.status,
              config: vote.config,
              result: vote.result,
              finalHash: vote.finalHash,
              progress: getVoteProgress(ctx.db, v.id),
              members,
            };
          }),
      };
    }),

  create: wardProcedure("runVotes")
    .input(VoteSettingsInput)
    .mutation(({ ctx, input }) => ({
      voteId: createVote(ctx.db, {
        wardCode: input.wardCode,
        meetingId: input.meetingId,
        settings: settingsOf(input),
        createdBy: ctx.viewer.id,
      }),
    })),

  updateSettings: wardProcedure("runVotes")
    .input(VoteSettingsInput.extend({ voteId: z.number().int().positive() }))
    .mutation(({ ctx, input: { voteId, ...input } }) => {
      updateVoteSettings(ctx.db, { wardCode: input.wardCode, voteId, settings: settingsOf(input) });
      return { voteId };
    }),

  open: wardProcedure("runVotes")
    .input(VoteRef)
    .mutation(({ ctx, input }) => {
      openVote(ctx.db, { ...input, now: ctx.now() });
      return { voteId: input.voteId };
    }),

  /** Open votes the signed-in member may still vote in, for the "Vote open" banner on every page. */
  openForMe: openVotesForMe,

  /** What a member sees on their own device: the options, the method, and whether they have voted. */
  ballot: voter.input(VoteRef).query(({ ctx, input }) => {
    const vote = getVoteInWard(ctx.db, input.wardCode, input.voteId);
    return {
      id: vote.id,
      status: vote.status,
      config: vote.config,
      hasVoted: hasVoted(ctx.db, vote.id, ctx.viewer.id),
    };
  }),

  /**
   * The signed-in member's own ballot. There is no way to cast an online ballot for someone else.
   * Returns the ballot's tracker for the voter to keep and find in the published list.
   */
  cast: voter.input(CastBallotInput).mutation(({ ctx, input }) => {
    const tracker = castOnlineBallot(ctx.db, {
      wardCode: input.wardCode,
      voteId: input.voteId,
      voter: ctx.viewer,
      ballot: input.ballot,
      now: ctx.now(),
    });
    return { voteId: input.voteId, hasVoted: true, tracker };
  }),

  /**
   * Open ballots: a member's paper ballot, recorded as entered by the signed-in chair or sergeant
   * for them. Returns its tracker, to print for the member.
   */
  enterNamedPaperBallot: wardProcedure("runVotes")
    .input(NamedPaperBallotInput)
    .mutation(({ ctx, input: { voterUserId, ballot, ...ref } }) => {
      const tracker = enterNamedPaperBallot(ctx.db, {
        ...ref,
        voterUserId,
        ballot,
        enteredBy: ctx.viewer,
        now: ctx.now(),
      });
      return { voteId: ref.voteId, tracker };
    }),

  /** Secret ballots: who voted on paper (not how); they then cannot vote online. */
  markPaperVoters: wardProcedure("runVotes")
    .input(PaperVotersInput)
    .mutation(({ ctx, input: { userIds, ...ref } }) => ({
      recorded: markPaperVoters(ctx.db, { ...ref, userIds, enteredBy: ctx.viewer, now: ctx.now() }),
    })),

  /**
   * Secret ballots: the paper ballots, without names, recorded as entered by the signed-in chair or
   * sergeant. Returns each ballot's tracker in the order given, to print for each paper.
   */
  enterPaperBallots: wardProcedure("runVotes")
    .input(UnnamedPaperBallotsInput)
    .mutation(({ ctx, input: { ballots, ...ref } }) => {
      const trackers = enterUnnamedPaperBallots(ctx.db, { ...ref, ballots, enteredBy: ctx.viewer, now: ctx.now() });
      return { entered: trackers.length, trackers };
    }),

  close: wardProcedure("runVotes")
    .input(VoteRef)
    .mutation(({ ctx, input }) => closeVote(ctx.db, { ...input, now: ctx.now() })),

  chairChoice: wardProcedure("runVotes")
    .input(ChairChoiceInput)
    .mutation(({ ctx, input }) => recordChairChoice(ctx.db, { ...input, now: ctx.now() })),

  publish: wardProcedure("runVotes")
    .input(VoteRef)
    .mutation(({ ctx, input }) => ({ priorityIds: publishVoteResult(ctx.db, { ...input, now: ctx.now() }) })),

  /** The published result for anyone, with whether the stored record still verifies. */
  result: publicProcedure
    .input(VoteRef)
    .output(PublishedVote)
    .query(({ ctx, input }) => {
      const vote = getVoteInWard(ctx.db, input.wardCode, input.voteId);
      if (vote.status !== "published") return { isPublished: false as const };
      const meeting = getMeetingInWard(ctx.db, input.wardCode, vote.meetingId);
      const verification = verifyStoredVote(ctx.db, vote.id);
      const { entries } = defined(getVoteRecord(ctx.db, vote.id), "the closed vote's record").record;
      return {
        isPublished: true as const,
        meetingTitle: meeting.title,
        meetingId: meeting.id,
        config: vote.config,
        result: defined(vote.result, "the closed vote's result"),
        finalHash: defined(vote.finalHash, "the closed vote's final hash"),
        ballotSources: ballotSourcesInWords(entries),
        ballotSourceParts: ballotSourceParts(entries),
        trackers: recordTrackers(entries).trackers,
        trackerKind: recordTrackers(entries).kind,
        voters: listVoterNames(ctx.db, vote.id),
        verification: verification.ok ? { ok: true as const } : { ok: false as const, reason: verification.reason },
      };
    }),
});
