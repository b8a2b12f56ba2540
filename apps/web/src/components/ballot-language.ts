import { SOURCE_LANGUAGE, type Translate } from "@wardpanel/i18n";
import type { RankProblem } from "@wardpanel/voting/ranks";
import i18next from "i18next";

/** A translate function and its language code, for the ballot's shared pieces. */
export type BallotWords = { t: Translate; language: string };

/**
 * English words for the ballot's shared pieces where a staff page (not translated: paper ballots,
 * the chair's panel) shows them; the member's own ballot page passes its own `t` and language.
 */
export function englishWords(): BallotWords {
  return { t: i18next.getFixedT(SOURCE_LANGUAGE), language: SOURCE_LANGUAGE };
}

/** "1st", "2nd", "23rd" in English; the numeral itself in any other language ("Dewis 3"). */
export function nth(language: string, n: number): string {
  if (language !== SOURCE_LANGUAGE) return String(n);
  const suffix = { one: "st", two: "nd", few: "rd", other: "th" } as Record<string, string>;
  return `${n}${suffix[new Intl.PluralRules("en", { type: "ordinal" }).select(n)] ?? "th"}`;
}

/** A ranked ballot's problem (from @wardpanel/voting's readRanks) in the reader's language, at the field. */
export function rankProblemWords(t: Translate, problem: RankProblem): string {
  switch (problem.code) {
    case "outOfRange":
      return t("ballotPage.rankError.outOfRange", {
        title: problem.title,
        rank: problem.rank === null ? t("ballotPage.rankError.notANumber") : String(problem.rank),
        size: problem.size,
      });
    case "duplicate":
      return t("ballotPage.rankError.duplicate", { first: problem.first, second: problem.second, rank: problem.rank });
    case "noFirst":
      return t("ballotPage.rankError.noFirst", { title: problem.title, rank: problem.rank });
    default:
      return t(`ballotPage.rankError.${problem.code}`);
  }
}
