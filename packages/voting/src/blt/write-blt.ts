// Writing a BLT ballot file that OpenSTV, OpaVote, droop and OpenTally can count.
import type { BltElection } from "./types.js";

/**
 * Writes `election` as BLT text: the inverse of `readBlt` (reading the output gives the same
 * election, apart from each ballot's `line`). One ballot line per entry, names and title quoted
 * with any quote mark doubled, `\n` line endings, no comments (not every program reads them). A
 * line break inside a name or the title becomes a space, since BLT is read line by line.
 */
export function writeBlt(election: BltElection): string {
  const lines = [`${election.candidates.length} ${election.seats}`];
  if (election.withdrawn.length > 0) lines.push(election.withdrawn.map((n) => `-${n}`).join(" "));
  for (const b of election.ballots) lines.push([b.weight, ...b.ranks.map((rank) => rank.join("=")), 0].join(" "));
  lines.push("0");
  for (const name of election.candidates) lines.push(quote(name));
  lines.push(quote(election.title));
  return `${lines.join("\n")}\n`;
}

const quote = (text: string) => `"${text.replace(/[\r\n]+/g, " ").replace(/"/g, '""')}"`;
