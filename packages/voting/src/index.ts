// @wardpanel/voting: pure vote counting, tie-breaks, the audit hash chain and its verification.
export type * from "./types.js";
export { validateBallot, validateTally } from "./ballot.js";
export { ballotSourcesInWords } from "./ballot-sources.js";
export { validateConfig } from "./config.js";
export { countVote } from "./count.js";
export { VotingError } from "./errors.js";
export { STV_RULES } from "./methods/stv.js";
export { drawNumber } from "./tie-break.js";
export { appendEntry, canonicalJson, type ChainEntry, ENTRY_TYPES, type EntryType, GENESIS_HASH, hashEntry, nextEntry, type UnhashedEntry } from "./chain.js";
export {
  type BallotPayload,
  type NamedBallotPayload,
  type UnnamedPaperBallotPayload,
  buildRecord,
  chairChoicePayload,
  closedPayload,
  type ClosedPayload,
  countFromEntries,
  deriveVoterToken,
  type Elector,
  electorateSnapshot,
  type OpenedPayload,
  type PaperVotersPayload,
  paperVotersPayload,
  type Staff,
  type TallyPayload,
  type TieBreakChoicePayload,
  type VoteRecord,
  type Ward,
} from "./record.js";
export { type Verification, verifyVoteRecord } from "./verify.js";
