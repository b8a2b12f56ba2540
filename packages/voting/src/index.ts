// @wardpanel/voting: pure vote counting, tie-breaks, the audit hash chain and its verification.
export { ballotFromInput, validateBallot } from "./ballot.js";
export { type BallotSourcePart, ballotSourceParts, ballotSourcesInWords } from "./ballot-sources.js";
export * from "./blt/index.js";
export { type ChainEntry, ENTRY_TYPES, type EntryType, GENESIS_HASH, nextEntry } from "./chain.js";
export { validateConfig } from "./config.js";
export { countVote } from "./count.js";
export { gapWarning, type RankMarks, type RanksReading, readRanks } from "./ranks.js";
export {
  type BallotPayload,
  buildRecord,
  chairChoicePayload,
  closedPayload,
  countFromEntries,
  deriveVoterToken,
  electorateSnapshot,
  type OpenedPayload,
  type PaperVotersPayload,
  paperVotersPayload,
  type Staff,
  type TrackersPayload,
  trackersPayload,
  type VoteRecord,
} from "./record.js";
export {
  ballotTrackers,
  checkTrackerList,
  normaliseTracker,
  publishedTrackers,
  RANDOM_TRACKER,
  randomTracker,
  recordTrackers,
  TRACKER_LENGTH,
  trackerFromHash,
  type TrackerKind,
  trackerOfEntry,
  tracksCasts,
} from "./tracker.js";
export type * from "./types.js";
export { type Verification, verifyVoteRecord } from "./verify.js";
export {
  type Published,
  type VerifyStep,
  type VerifyStepFacts,
  type VerifyStepId,
  verifySteps,
} from "./verify-steps.js";
