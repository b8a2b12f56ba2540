import type { Ballot, VoteConfig } from "@wardpanel/voting";

import { type BallotWords, englishWords, nth } from "./ballot-language";

/**
 * One ballot in plain words, for checking a typed-in paper ballot against the paper before it is
 * entered: "Approves: A; B", "Scores: A 3, B 0", "Dots: A 2", "1. A, 2. B". `ballot` is the shape
 * toBallot (ballot-fields) produces for the vote's method.
 */
export function ballotInWords(config: VoteConfig, ballot: Ballot): string {
  const title = (id: string) => config.candidates.find((c) => c.id === id)?.title ?? id;
  switch (config.method.kind) {
    case "approval": {
      const approved = "approved" in ballot ? ballot.approved : [];
      return approved.length ? `Approves: ${approved.map(title).join("; ")}` : "Approves none of the options";
    }
    case "score":
      return `Scores: ${Object.entries("scores" in ballot ? ballot.scores : {})
        .map(([id, n]) => `${title(id)} ${n}`)
        .join("; ")}`;
    case "dots": {
      const dots = Object.entries("dots" in ballot ? ballot.dots : {});
      return dots.length ? `Dots: ${dots.map(([id, n]) => `${title(id)} ${n}`).join("; ")}` : "No dots placed";
    }
    case "ranked": {
      const ranking = "ranking" in ballot ? ballot.ranking : [];
      return ranking.length ? ranking.map((id, i) => `${i + 1}. ${title(id)}`).join("; ") : "No options ranked";
    }
  }
}

/** "Tom Evans", "Tom Evans and Li Wei", "Tom Evans, Ama Owusu and Li Wei". */
export function namesInWords(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * What a ballot votes for, one line per choice, in order, for the review step before casting:
 * ranked "1st choice: Speeding"; approval the approved titles; score "Speeding: 3 out of 5";
 * dots "Speeding: 2 dots". Empty when the ballot chooses nothing (an abstention).
 */
export function choicesInWords(
  config: VoteConfig,
  ballot: Ballot,
  { t, language }: BallotWords = englishWords(),
): string[] {
  const title = (id: string) => config.candidates.find((c) => c.id === id)?.title ?? id;
  const method = config.method;
  switch (method.kind) {
    case "approval":
      return ("approved" in ballot ? ballot.approved : []).map(title);
    case "ranked":
      return ("ranking" in ballot ? ballot.ranking : []).map((id, i) =>
        t("ballotPage.choice.ranked", { nth: nth(language, i + 1), title: title(id) }),
      );
    case "score":
      return Object.entries("scores" in ballot ? ballot.scores : {})
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => t("ballotPage.choice.score", { title: title(id), score: n, max: method.maxScore }));
    case "dots":
      return Object.entries("dots" in ballot ? ballot.dots : {})
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => t("ballotPage.choice.dots", { title: title(id), count: n }));
  }
}
