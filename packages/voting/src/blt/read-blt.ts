// Reading a BLT ballot file, as written by OpenSTV, OpaVote, droop, OpenTally and election offices.
import { defined } from "@wardpanel/validators";

import { type BltLine, bltLines, decodeBlt } from "./blt-lines.js";
import { type BltBallot, type BltElection, BltError } from "./types.js";

const WHOLE = /^\d+$/;

/**
 * Reads a BLT file (text, or its bytes: UTF-8, else Windows-1252). The format, line by line:
 *
 * ```text
 * 4 2              candidates, seats
 * -3               optional: withdrawn candidates as negative numbers
 * 12 1 2 4 0       a ballot line: weight (papers), candidate numbers in order, 0
 * 3 2=1 0          `=` ranks candidates equal (some programs write it)
 * 0                the end of the ballots
 * "Ann Smith"      a name per candidate, in number order; "" inside a name is one quote mark
 * "Springburn"     the title
 * ```
 *
 * Also read: `#` comments to the end of a line, blank lines, Windows or old Mac line endings, an
 * unquoted name or title (the whole line), several quoted names on one line, and a ballot id in
 * brackets in place of the weight (`(17) 1 2 0` is one paper). Anything after the title (droop writes a source
 * line) is ignored. A ballot must fit on one line, so a missing final 0 is caught where it is.
 *
 * @throws BltError naming the line and what is wrong ("Line 7: there is no candidate 12 …").
 */
export function readBlt(input: string | Uint8Array): BltElection {
  const lines = bltLines(decodeBlt(input));
  let at = 0;
  const next = () => lines[at++];

  const header = next();
  if (!header) throw new BltError("The file is empty: a BLT file starts with the number of candidates and seats.");
  const [count, seatsToken, ...rest] = header.tokens;
  if (
    !count ||
    !seatsToken ||
    count.quoted ||
    seatsToken.quoted ||
    !WHOLE.test(count.text) ||
    !WHOLE.test(seatsToken.text)
  )
    throw new BltError(`the first line must give the number of candidates and of seats, like "4 2".`, header.line);
  const n = Number(count.text);
  const seats = Number(seatsToken.text);
  if (n < 1) throw new BltError("the file must have at least 1 candidate.", header.line);
  if (seats < 1) throw new BltError("the number of seats must be at least 1.", header.line);

  const withdrawn: number[] = [];
  const addWithdrawn = (text: string, line: number) => {
    const number = Number(text.slice(1));
    if (number < 1 || number > n)
      throw new BltError(`withdrawn candidate ${text}: there is no candidate ${number}.`, line);
    if (withdrawn.includes(number)) throw new BltError(`candidate ${number} is withdrawn twice.`, line);
    withdrawn.push(number);
  };
  for (const t of rest) {
    if (t.quoted || !/^-\d+$/.test(t.text))
      throw new BltError(
        `after the numbers of candidates and seats, expected only withdrawn candidates (like -2), found "${t.text}".`,
        header.line,
      );
    addWithdrawn(t.text, header.line);
  }
  while (lines[at]?.tokens.every((t) => !t.quoted && /^-\d+$/.test(t.text))) {
    const line = defined(next(), "the withdrawn-candidates line");
    for (const t of line.tokens) addWithdrawn(t.text, line.line);
  }

  const ballots: BltBallot[] = [];
  for (;;) {
    const line = next();
    if (!line)
      throw new BltError(
        `The file ends before the line "0" that closes the ballots (after ${ballots.length} ballot lines).`,
      );
    if (line.tokens.length === 1 && line.tokens[0]?.text === "0" && !line.tokens[0].quoted) break;
    ballots.push(readBallotLine(line, n));
  }

  const candidates: string[] = [];
  while (candidates.length < n) {
    const line = next();
    if (!line)
      throw new BltError(
        `The file ends after ${candidates.length} of the ${n} candidate names; the names and then the title must follow the ballots.`,
      );
    candidates.push(...namesOnLine(line, candidates.length + 1));
  }
  if (candidates.length > n) {
    // Several quoted names on the last names line: the one past the count is the title.
    const title = candidates.splice(n);
    return { candidates, seats, withdrawn, ballots, title: title[0] ?? "" };
  }
  const titleLine = next();
  if (!titleLine)
    throw new BltError(`The file ends after the ${n} candidate names: the title of the election must follow them.`);
  const title = titleLine.tokens[0]?.quoted ? titleLine.tokens[0].text : titleLine.text;
  return { candidates, seats, withdrawn, ballots, title };
}

function readBallotLine({ line, tokens }: BltLine, n: number): BltBallot {
  let words = tokens.map((t) => t.text);
  if (tokens.some((t) => t.quoted))
    throw new BltError(
      `expected a ballot (a weight, candidate numbers and 0) or the line "0" that ends the ballots, found quoted text: is the line "0" missing?`,
      line,
    );
  if (words[0]?.startsWith("["))
    throw new BltError(`droop's options in square brackets (${words[0]} …) are not read here; remove the line.`, line);
  if (words[0]?.startsWith("(")) {
    // A ballot with an id stands for one paper: `(id) 1 3 0` (droop, OpenTally).
    const close = words.findIndex((w) => w.endsWith(")"));
    if (close < 0) throw new BltError("the ballot id in brackets is not closed.", line);
    words = ["1", ...words.slice(close + 1)];
  }
  const [weightText = "", ...rankWords] = words;
  if (!WHOLE.test(weightText) || Number(weightText) < 1 || !Number.isSafeInteger(Number(weightText)))
    throw new BltError(
      /^\d*\.\d+$/.test(weightText)
        ? `the weight ${weightText} is not a whole number of ballot papers.`
        : `a ballot line starts with its weight, a whole number of papers of at least 1; found "${weightText}".`,
      line,
    );
  if (rankWords.at(-1) !== "0") throw new BltError("the ballot does not end in 0.", line);
  rankWords.pop();
  const seen = new Set<number>();
  const ranks = rankWords.map((word) => {
    if (word === "0") throw new BltError("a 0 ends the ballot, so nothing may follow it on the line.", line);
    return word.split("=").map((part) => {
      if (!WHOLE.test(part))
        throw new BltError(`"${word}" is not a candidate number (or numbers joined by = for equal ranks).`, line);
      const number = Number(part);
      if (number < 1 || number > n)
        throw new BltError(`there is no candidate ${number}: the file has ${n} candidate${n === 1 ? "" : "s"}.`, line);
      if (seen.has(number)) throw new BltError(`candidate ${number} is ranked more than once.`, line);
      seen.add(number);
      return number;
    });
  });
  return { weight: Number(weightText), ranks, line };
}

function namesOnLine({ line, tokens, text }: BltLine, first: number): string[] {
  if (tokens.every((t) => t.quoted)) return tokens.map((t) => t.text);
  if (tokens.every((t) => !t.quoted && /^[\d=-]+$/.test(t.text)))
    throw new BltError(
      `expected the name of candidate ${first}, found numbers: a ballot line after the line "0"?`,
      line,
    );
  if (tokens.some((t) => t.quoted))
    throw new BltError(`expected a candidate name, quoted ("Ann Smith") or alone on its line; found both kinds.`, line);
  return [text];
}
