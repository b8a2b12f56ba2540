import { normaliseTracker } from "@wardpanel/voting/tracker";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { inputClass } from "./field";

/**
 * The published result's ballot trackers (decision 0038), sorted, with "Find my tracker", and
 * who voted by name, sorted and separate, never linked to a tracker or a ballot. `trackerKind`
 * says what a tracker can show: "cast" (a secret vote's random trackers: counted, never how) or
 * "entry" (derived from the ballot entries: open votes, and secret votes from before version 3). Search ignores
 * case, spaces and hyphens and reads O as 0 and I or L as 1 (normaliseTracker).
 */
export function VoteTrackers({
  trackers,
  voters,
  secrecy,
  trackerKind,
}: {
  trackers: string[];
  voters: string[];
  secrecy: "open" | "secret";
  trackerKind: "cast" | "entry";
}) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState("");
  const wanted = normaliseTracker(typed);
  const matches = wanted === "" ? [] : trackers.filter((tr) => normaliseTracker(tr).startsWith(wanted));
  const exact = matches.find((tr) => normaliseTracker(tr) === wanted);

  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8">
      <h2 id={`${id}-heading`} className="mb-2 text-2xl font-bold">
        {t("voteTrackers.heading")}
      </h2>
      <p className="mb-1 max-w-prose">{t("voteTrackers.intro")}</p>
      <p className="mb-3 max-w-prose" data-testid="tracker-meaning">
        {trackerKind === "cast"
          ? t("voteTrackers.introSecret")
          : secrecy === "open"
            ? t("voteTrackers.introOpen")
            : t("voteTrackers.introOlder")}
      </p>
      {trackers.length === 0 ? (
        <p className="mb-3">{t("voteTrackers.none")}</p>
      ) : (
        <>
          <label htmlFor={`${id}-find`} className="block font-semibold">
            {t("voteTrackers.findLabel")}
          </label>
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {t("voteTrackers.findHint")}
          </p>
          <input
            id={`${id}-find`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-describedby={`${id}-hint ${id}-answer`}
            className={`${inputClass} max-w-xs font-mono uppercase`}
          />
          <p id={`${id}-answer`} role="status" className="mt-1 mb-3 min-h-6 font-semibold">
            {wanted === ""
              ? ""
              : exact
                ? t("voteTrackers.found", { tracker: exact })
                : matches.length > 1
                  ? t("voteTrackers.keepTyping", { typed: typed.trim() })
                  : matches.length === 1
                    ? t("voteTrackers.found", { tracker: matches[0] })
                    : t("voteTrackers.notFound", { typed: typed.trim() })}
          </p>
          <h3 className="mb-1 text-xl font-bold">{t("voteTrackers.listHeading", { total: trackers.length })}</h3>
          <ul className="mb-4 grid grid-cols-2 gap-x-4 font-mono sm:grid-cols-4" data-testid="tracker-list">
            {trackers.map((tr) => (
              <li key={tr} className={matches.includes(tr) ? "bg-yellow-100 font-bold" : undefined}>
                {tr}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mb-1 text-xl font-bold">{t("voteTrackers.votersHeading")}</h3>
      <p className="mb-1 max-w-prose">
        {secrecy === "secret" ? t("voteTrackers.votersSecret") : t("voteTrackers.votersOpen")}
      </p>
      {voters.length === 0 ? (
        <p>{t("voteTrackers.noVoters")}</p>
      ) : (
        <ul className="list-disc pl-6" data-testid="voter-list">
          {voters.map((name, i) => (
            <li key={`${name}-${i}`}>{name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
