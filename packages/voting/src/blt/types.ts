// The BLT ballot file: the plain-text format of Hill, Wichmann and Woodall's ERS counting program
// (1987), read and written by OpenSTV, OpaVote, droop and OpenTally. Shapes only.

/** One ballot line: `weight` identical papers ranking `ranks` in order. */
export type BltBallot = {
  /** How many identical papers the line stands for (a whole number, at least 1). */
  weight: number;
  /**
   * Preferences in order, as 1-based candidate numbers. Each rank is a list: one candidate
   * normally, several where the line ranks them equal (`2=3`). Empty for a paper with no preference.
   */
  ranks: number[][];
  /** The line of the file it came from (reading only; the writer ignores it). */
  line?: number;
};

export type BltElection = {
  /** Candidate names in file order: candidate number n is `candidates[n - 1]`. */
  candidates: string[];
  seats: number;
  /** Withdrawn candidates (1-based numbers): their preferences are skipped when counting. */
  withdrawn: number[];
  ballots: BltBallot[];
  title: string;
};

/** A file that cannot be read as BLT. `line` is the 1-based line at fault, when there is one. */
export class BltError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = "BltError";
  }
}
