import { getMeetingInWard } from "@wardpanel/db/queries/meetings";
import { getMeetingQuorum } from "@wardpanel/db/queries/attendance";
import { listShortlist } from "@wardpanel/db/queries/concerns";
import {
  castBallot,
  closeVote,
  createVote,
  getVoteInWard,
  getVoteProgress,
  hasVoted,
  listWardVotes,
  openVote,
  publishVoteResult,
  recordChairChoice,
  updateVoteSettings,
  verifyStoredVote,
} from "@wardpanel/db/queries/votes";
import { CastBallotInput, ChairChoiceInput, MeetingRef, PaperBallotInput, VoteRef, VoteSettingsInput } from "@wardpanel/validators";
import type { VoteConfig, VoteResult } from "@wardpanel/voting";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";
import { organiser, wardStaff } from "./roles";

const PublishedVote = z.discriminatedUnion("isPublished", [
  z.object({ isPublished: z.literal(false) }),
  z.object({
    isPublished: z.literal(true),
    meetingTitle: z.string(),
    meetingId: z.number(),
    config: z.custom<VoteConfig>(),
    result: z.custom<VoteResult>(),
    finalHash: z.string(),
    verification: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.string() })]),
  }),
]);

/** Voting members: the chair and panel members cast ballots on their own devices. */
const voter = wardProcedure(["chair", "panel_member"]);

const settingsOf = ({ wardCode: _w, meetingId: _m, ...settings }: z.infer<typeof VoteSettingsInput>) => settings;

export const votesRouter = createTRPCRouter({
  /** Votes at a meeting, with the shortlist and quorum, for the chair running it. */
  forMeeting: wardStaff.input(MeetingRef).query(({ ctx, input }) => {
    const meeting = getMeetingInWard(ctx.db, input.wardCode, input.meetingId);
    return {
      quorum: getMeetingQuorum(ctx.db, meeting),
      shortlist: listShortlist(ctx.db, input.wardCode),
      votes: listWardVotes(ctx.db, input.wardCode)
        .filter((v) => v.meetingId === meeting.id)
        .map((v) => {
          const vote = getVoteInWard(ctx.db, input.wardCode, v.id);
          return { id: v.id, status: vote.status, config: vote.config, result: vote.result, finalHash: vote.finalHash, progress: getVoteProgress(ctx.db, v.id) };
        }),
    };
  }),

  create: organiser.input(VoteSettingsInput).mutation(({ ctx, input }) => ({
    voteId: createVote(ctx.db, { wardCode: input.wardCode, meetingId: input.meetingId, settings: settingsOf(input), createdBy: ctx.viewer.id }),
  })),

  updateSettings: organiser.input(VoteSettingsInput.extend({ voteId: z.number().int().positive() })).mutation(({ ctx, input: { voteId, ...input } }) => {
    updateVoteSettings(ctx.db, { wardCode: input.wardCode, voteId, settings: settingsOf(input) });
    return { voteId };
  }),

  open: organiser.input(VoteRef).mutation(({ ctx, input }) => {
    openVote(ctx.db, { ...input, now: ctx.now() });
    return { voteId: input.voteId };
  }),

  /** What a member sees on their own device: the options, the method, and whether they have voted. */
  ballot: voter.input(VoteRef).query(({ ctx, input }) => {
    const vote = getVoteInWard(ctx.db, input.wardCode, input.voteId);
    return { id: vote.id, status: vote.status, config: vote.config, hasVoted: hasVoted(ctx.db, vote.id, ctx.viewer.id) };
  }),

  cast: voter.input(CastBallotInput).mutation(({ ctx, input }) => {
    castBallot(ctx.db, { wardCode: input.wardCode, voteId: input.voteId, voterUserId: ctx.viewer.id, voterName: ctx.viewer.name, ballot: input.ballot, source: "online", now: ctx.now() });
    return { voteId: input.voteId, hasVoted: true };
  }),

  /** A paper ballot the chair types in for a member present without a device. */
  castPaper: organiser.input(PaperBallotInput).mutation(({ ctx, input }) => {
    castBallot(ctx.db, { wardCode: input.wardCode, voteId: input.voteId, voterUserId: input.voterUserId, voterName: "", ballot: input.ballot, source: "paper", now: ctx.now() });
    return { voteId: input.voteId };
  }),

  close: organiser.input(VoteRef).mutation(({ ctx, input }) => closeVote(ctx.db, { ...input, now: ctx.now() })),

  chairChoice: organiser.input(ChairChoiceInput).mutation(({ ctx, input }) => recordChairChoice(ctx.db, { ...input, now: ctx.now() })),

  publish: organiser.input(VoteRef).mutation(({ ctx, input }) => ({ priorityIds: publishVoteResult(ctx.db, { ...input, now: ctx.now() }) })),

  /** The published result for anyone, with whether the stored record still verifies. */
  result: publicProcedure.input(VoteRef).output(PublishedVote).query(({ ctx, input }) => {
    const vote = getVoteInWard(ctx.db, input.wardCode, input.voteId);
    if (vote.status !== "published") return { isPublished: false as const };
    const meeting = getMeetingInWard(ctx.db, input.wardCode, vote.meetingId);
    const verification = verifyStoredVote(ctx.db, vote.id);
    return {
      isPublished: true as const,
      meetingTitle: meeting.title,
      meetingId: meeting.id,
      config: vote.config,
      result: vote.result!,
      finalHash: vote.finalHash!,
      verification: verification.ok ? { ok: true as const } : { ok: false as const, reason: verification.reason },
    };
  }),
});
