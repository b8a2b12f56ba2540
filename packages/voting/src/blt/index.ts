// BLT ballot files: reading (with real-world quirks), writing, and converting to and from votes.
export { bltToVote, type BltVote, MAX_BLT_PAPERS, voteToBlt } from "./blt-vote.js";
export { readBlt } from "./read-blt.js";
export { type BltBallot, type BltElection, BltError } from "./types.js";
export { writeBlt } from "./write-blt.js";
