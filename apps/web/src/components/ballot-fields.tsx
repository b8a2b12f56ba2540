import type { Ballot, VoteConfig } from "@wardpanel/voting";

import { inputClass } from "./field";

export type BallotDraft = Record<string, number | boolean>;

/**
 * The ballot for each method, as plain form controls (so it works by keyboard and screen reader):
 * approval — a checkbox per option; score — a 0–5 select; dots — a number per option; ranked —
 * a rank number per option (leave blank to not rank it).
 */
export function BallotFields({
  config,
  draft,
  onChange,
}: {
  config: VoteConfig;
  draft: BallotDraft;
  onChange: (draft: BallotDraft) => void;
}) {
  const set = (id: string, value: number | boolean) => onChange({ ...draft, [id]: value });
  const method = config.method;
  return (
    <ul className="grid gap-2">
      {config.candidates.map((c) => (
        <li key={c.id} className="rounded border-2 border-slate-300 p-2">
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
                  min={method.kind === "dots" ? 0 : 1}
                  max={method.kind === "dots" ? method.dotsPerVoter : config.candidates.length}
                  value={draft[c.id] === undefined ? "" : String(draft[c.id])}
                  onChange={(e) => set(c.id, e.target.value === "" ? Number.NaN : Number(e.target.value))}
                  aria-describedby="ballot-hint"
                  className={`${inputClass} w-32`}
                />
              )}
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Turns the form's answers into the ballot shape @wardpanel/voting validates. */
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

export function ballotHint(config: VoteConfig): string {
  switch (config.method.kind) {
    case "approval":
      return `Tick every option you support. ${config.seats} will be chosen.`;
    case "score":
      return `Give each option a score from 0 to ${config.method.maxScore}. ${config.seats} will be chosen.`;
    case "dots":
      return `You have ${config.method.dotsPerVoter} dots: put them on the options you care about, several on one if you like.`;
    case "ranked":
      return "Number the options in order of preference: 1 for your first choice, 2 for your second, and so on. Leave the rest blank.";
  }
}
