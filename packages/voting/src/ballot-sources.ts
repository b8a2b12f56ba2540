// How the ballots in a record were cast, in plain English, for the public result page and the
// command-line verifier: online by members, or on paper and typed in by whom (and for whom).
import type { ChainEntry } from "./chain.js";
import type { BallotPayload, PaperVotersPayload } from "./record.js";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Sentences such as "4 ballots cast online, each by the member on their own device.",
 * "Paper ballot entered by Priya Shah for Li Wei." (open ballots) and "2 paper ballots entered
 * without names by Priya Shah." (secret ballots). Reads the entries of records of version 1 and 2.
 */
export function ballotSourcesInWords(entries: readonly ChainEntry[]): string[] {
  const ballots = entries.filter((e) => e.type === "ballot").map((e) => e.payload as BallotPayload);
  const lines: string[] = [];
  const online = ballots.filter((b) => b.source === "online").length;
  if (online > 0)
    lines.push(`${count(online, "ballot", "ballots")} cast online, each by the member on their own device.`);
  const paperVoters = entries
    .filter((e) => e.type === "paper-voters")
    .reduce((n, e) => n + (e.payload as PaperVotersPayload).voters.length, 0);
  if (paperVoters > 0) lines.push(`${count(paperVoters, "member was", "members were")} recorded as voting on paper.`);
  const unnamedBy = new Map<string, number>();
  let untold = 0;
  for (const b of ballots) {
    if (b.source !== "paper") continue;
    if (!("voter" in b)) unnamedBy.set(b.enteredBy.name, (unnamedBy.get(b.enteredBy.name) ?? 0) + 1);
    else if (b.enteredBy && b.voterName !== undefined)
      lines.push(`Paper ballot entered by ${b.enteredBy.name} for ${b.voterName}.`);
    else untold += 1;
  }
  for (const [name, n] of unnamedBy)
    lines.push(`${count(n, "paper ballot", "paper ballots")} entered without names by ${name}.`);
  if (untold > 0)
    lines.push(`${count(untold, "paper ballot was", "paper ballots were")} typed in by the chair or sergeant.`);
  return lines;
}

/**
 * How the ballots were cast, as figures and names rather than sentences, so the public result page
 * can word them in the reader's language (issue 13). One part per line of `ballotSourcesInWords`,
 * in the same order: `online` and `paperVoters` and `untold` are counts of ballots or members,
 * `named` is one open paper ballot, `unnamed` is the secret paper ballots one person entered.
 */
export type BallotSourcePart =
  | { kind: "online"; count: number }
  | { kind: "paperVoters"; count: number }
  | { kind: "named"; enteredBy: string; voter: string }
  | { kind: "unnamed"; enteredBy: string; count: number }
  | { kind: "untold"; count: number };

export function ballotSourceParts(entries: readonly ChainEntry[]): BallotSourcePart[] {
  const ballots = entries.filter((e) => e.type === "ballot").map((e) => e.payload as BallotPayload);
  const parts: BallotSourcePart[] = [];
  const online = ballots.filter((b) => b.source === "online").length;
  if (online > 0) parts.push({ kind: "online", count: online });
  const paperVoters = entries
    .filter((e) => e.type === "paper-voters")
    .reduce((n, e) => n + (e.payload as PaperVotersPayload).voters.length, 0);
  if (paperVoters > 0) parts.push({ kind: "paperVoters", count: paperVoters });
  const unnamedBy = new Map<string, number>();
  let untold = 0;
  for (const b of ballots) {
    if (b.source !== "paper") continue;
    if (!("voter" in b)) unnamedBy.set(b.enteredBy.name, (unnamedBy.get(b.enteredBy.name) ?? 0) + 1);
    else if (b.enteredBy && b.voterName !== undefined)
      parts.push({ kind: "named", enteredBy: b.enteredBy.name, voter: b.voterName });
    else untold += 1;
  }
  for (const [name, n] of unnamedBy) parts.push({ kind: "unnamed", enteredBy: name, count: n });
  if (untold > 0) parts.push({ kind: "untold", count: untold });
  return parts;
}
