import type { Translate } from "@wardpanel/i18n";
import type { Ballot, VoteConfig } from "@wardpanel/voting";
import { validateBallot } from "@wardpanel/voting/ballot";
import { type RankMarks, type RanksReading, readRanks } from "@wardpanel/voting/ranks";

import { type BallotWords, englishWords, rankProblemWords } from "./ballot-language";
import { inputClass } from "./field";

export type BallotDraft = Record<string, number | boolean>;

/**
 * A draft ballot checked with the voting package's own rules (the server applies the same):
 * `fieldErrors` by option id (a ranked ballot's duplicate or out-of-range ranks, all of them), `error`
 * for the ballot as a whole, `problems` every message for the summary, `warning` for a gap in the ranks (later choices will not count), and the
 * `ballot` to cast when there is no error.
 */
export type CheckedBallot = {
  ballot: Ballot | null;
  fieldErrors: Record<string, string>;
  error: string | null;
  /** Every problem in the ballot, in the order of the options: the summary lists them all at once. */
  problems: string[];
  warning: string | null;
};

export function checkDraft(config: VoteConfig, draft: BallotDraft, words: BallotWords = englishWords()): CheckedBallot {
  if (config.method.kind === "ranked") {
    const marks = Object.fromEntries(Object.entries(draft).filter(([, v]) => typeof v === "number"));
    const reading = readRanks(config, marks);
    if (!reading.ok) {
      const fieldErrors: Record<string, string> = {};
      for (const p of reading.problems)
        if (p.option !== undefined) fieldErrors[p.option] ??= rankProblemWords(words.t, p.problem);
      const general = reading.problems.find((p) => p.option === undefined);
      return {
        ballot: null,
        fieldErrors,
        error: general ? rankProblemWords(words.t, general.problem) : null,
        problems: reading.problems.map((p) => rankProblemWords(words.t, p.problem)),
        warning: null,
      };
    }
    return {
      ballot: { ranking: reading.ranking },
      fieldErrors: {},
      error: null,
      problems: [],
      warning: gapInWords(words.t, config, marks, reading),
    };
  }
  const ballot = toBallot(config, draft);
  const valid = validateBallot(config, ballot);
  return valid.ok
    ? { ballot, fieldErrors: {}, error: null, problems: [], warning: null }
    : { ballot: null, fieldErrors: {}, error: valid.message, problems: [valid.message], warning: null };
}

/**
 * The ballot for each method, as plain form controls (so it works by keyboard and screen reader):
 * approval — a checkbox per option; score — a 0–5 select; dots — a number per option; ranked —
 * a rank number per option (leave blank to not rank it). `fieldErrors` are shown at their option
 * and linked to its control; `idPrefix` keeps ids unique when a page holds several ballots.
 */
export function BallotFields({
  config,
  draft,
  onChange,
  fieldErrors = {},
  idPrefix = "ballot",
}: {
  config: VoteConfig;
  draft: BallotDraft;
  onChange: (draft: BallotDraft) => void;
  fieldErrors?: Record<string, string>;
  idPrefix?: string;
}) {
  const set = (id: string, value: number | boolean | null) => {
    const { [id]: _old, ...rest } = draft;
    onChange(value === null ? rest : { ...rest, [id]: value });
  };
  const method = config.method;
  return (
    <ul className="grid gap-2">
      {config.candidates.map((c) => {
        const error = fieldErrors[c.id];
        const errorId = `${idPrefix}-error-${c.id}`;
        return (
          <li key={c.id} className={`rounded border-2 p-2 ${error ? "border-red-800" : "border-slate-300"}`}>
            {method.kind === "approval" ? (
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={draft[c.id] === true}
                  onChange={(e) => set(c.id, e.target.checked)}
                />
                {c.title}
              </label>
            ) : (
              <label className="block">
                <span className="block font-semibold">{c.title}</span>
                {error && (
                  <span id={errorId} className="block font-semibold text-red-800">
                    {error}
                  </span>
                )}
                {method.kind === "score" ? (
                  <select
                    value={String(draft[c.id] ?? 0)}
                    onChange={(e) => set(c.id, Number(e.target.value))}
                    className={`${inputClass} w-32`}
                  >
                    {Array.from({ length: method.maxScore + 1 }, (_, n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    type="number"
                    inputMode="numeric"
                    min={method.kind === "dots" ? 0 : 1}
                    max={method.kind === "dots" ? method.dotsPerVoter : config.candidates.length}
                    value={draft[c.id] === undefined || Number.isNaN(draft[c.id]) ? "" : String(draft[c.id])}
                    onChange={(e) => set(c.id, e.target.value === "" ? null : Number(e.target.value))}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${errorId} ballot-hint` : "ballot-hint"}
                    className={`${inputClass} w-32`}
                  />
                )}
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Turns the form's answers into the ballot shape @wardpanel/voting validates (ranked: see checkDraft). */
export function toBallot(config: VoteConfig, draft: BallotDraft): Ballot {
  const ids = config.candidates.map((c) => c.id);
  const numbered = (min: number) =>
    Object.fromEntries(
      ids.flatMap((id) =>
        typeof draft[id] === "number" && !Number.isNaN(draft[id]) && (draft[id] as number) >= min
          ? [[id, draft[id] as number]]
          : [],
      ),
    );
  switch (config.method.kind) {
    case "approval":
      return { approved: ids.filter((id) => draft[id] === true) };
    case "score":
      return { scores: Object.fromEntries(ids.map((id) => [id, typeof draft[id] === "number" ? draft[id] : 0])) };
    case "dots":
      return { dots: numbered(1) };
    case "ranked":
      return {
        ranking: Object.entries(numbered(1))
          .sort((a, b) => a[1] - b[1])
          .map(([id]) => id),
      };
  }
}

/** How to fill in the ballot for its method, in the reader's language (English on staff pages). */
export function ballotHint(config: VoteConfig, { t }: BallotWords = englishWords()): string {
  switch (config.method.kind) {
    case "approval":
      return t("ballotPage.hint.approval", { seats: config.seats });
    case "score":
      return t("ballotPage.hint.score", { max: config.method.maxScore, seats: config.seats });
    case "dots":
      return t("ballotPage.hint.dots", { count: config.method.dotsPerVoter });
    case "ranked":
      return t("ballotPage.hint.ranked");
  }
}

/**
 * The warning for a gap in the ranks (the voting package's gapWarning, in the reader's language):
 * "There is no 3, so your choices after 2 will not count: Parking (ranked 4). …". Null when none.
 */
function gapInWords(t: Translate, config: VoteConfig, marks: RankMarks, reading: RanksReading): string | null {
  if (!reading.ok || reading.ignored.length === 0) return null;
  const titles = new Map(config.candidates.map((c) => [c.id, c.title]));
  const later = reading.ignored
    .map((id) => t("ballotPage.rankError.ranked", { title: titles.get(id) ?? id, rank: String(marks[id]) }))
    .join(", ");
  return t("ballotPage.rankError.gap", { missing: reading.ranking.length + 1, last: reading.ranking.length, later });
}
