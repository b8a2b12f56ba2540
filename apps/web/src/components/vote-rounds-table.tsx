import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { formatVotes, type Round, type VoteResult } from "./vote-words";

/**
 * The count round by round: one row per option, one column per round, each cell giving the votes
 * and, in words (never colour alone), what happened to the option in that round. It scrolls
 * sideways on a phone rather than squeezing, and can be scrolled from the keyboard. Worded in the
 * reader's language from the catalogues (issue 13).
 */
export function VoteRoundsTable({ result, titleOf }: { result: VoteResult; titleOf: (id: string) => string }) {
  const { t } = useTranslation();
  const ids = Object.keys(result.rounds[0]?.tallies ?? {});
  const isRanked = result.method === "ranked";
  const caption = isRanked ? t("voteExplain.table.captionRanked") : t("voteExplain.table.caption");
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="mb-4 overflow-x-auto">
      <table className="min-w-full border-collapse text-left">
        <caption className="mb-2 text-left font-semibold">
          {/* Kept to the screen's width and in view while the table scrolls sideways. */}
          <span className="sticky left-0 block max-w-[calc(100vw-2rem)]">{caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>
              {t("voteExplain.table.option")}
            </th>
            {result.rounds.map((r) => (
              <th key={r.round} scope="col" className={cell}>
                {isRanked ? (
                  <>
                    {t("voteExplain.table.round", { round: r.round })}
                    <span className="block font-normal">{t(`voteExplain.table.action.${r.action}`)}</span>
                  </>
                ) : (
                  t("voteExplain.table.votes")
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => (
            <tr key={id}>
              <th scope="row" className={`${cell} max-w-48 break-words`}>
                {titleOf(id)}
              </th>
              {result.rounds.map((r) => (
                <td key={r.round} className={cell}>
                  <RoundCell t={t} round={r} id={id} isRanked={isRanked} />
                </td>
              ))}
            </tr>
          ))}
          {isRanked && (
            <tr>
              <th scope="row" className={cell}>
                {t("voteExplain.table.exhausted")}
              </th>
              {result.rounds.map((r) => (
                <td key={r.round} className={cell}>
                  {r.exhaustedBallots}
                </td>
              ))}
            </tr>
          )}
          {isRanked && <AddingUpRows t={t} result={result} />}
        </tbody>
      </table>
    </div>
  );
}

const cell = "border border-slate-400 px-2 py-1 align-top";

/** Whole 1/100000ths of a vote, so running totals of 5-decimal figures stay exact. */
const units = (n: number) => Math.round(n * 100000);

/** After each round: non-transferable and lost-to-rounding votes so far, and everything counted. */
function runningTotals(rounds: Round[]) {
  let gone = 0;
  let lost = 0;
  const totals = [];
  for (const r of rounds) {
    gone += units(r.nonTransferable);
    lost += units(r.lostToRounding ?? 0);
    const held = Object.values(r.tallies).reduce((sum, v) => sum + units(v), 0);
    totals.push({ round: r.round, gone: gone / 100000, lost: lost / 100000, total: (held + gone + lost) / 100000 });
  }
  return totals;
}

/**
 * The rows that make each round add up, as official count sheets show: votes with no further
 * choice so far, votes lost rounding transfer values down to 5 decimal places so far, and the
 * total, always the valid ballots. Results published before rounds carried the rounding figure
 * show only the non-transferable row.
 */
function AddingUpRows({ t, result }: { t: TFunction; result: VoteResult }) {
  const hasRounding = result.rounds.some((r) => r.lostToRounding !== undefined);
  const totals = runningTotals(result.rounds);
  const row = (label: string, value: (total: (typeof totals)[number]) => number) => (
    <tr>
      <th scope="row" className={cell}>
        {label}
      </th>
      {totals.map((total) => (
        <td key={total.round} className={cell}>
          {formatVotes(value(total))}
        </td>
      ))}
    </tr>
  );
  return (
    <>
      {row(t("voteExplain.table.nonTransferable"), (total) => total.gone)}
      {hasRounding && row(t("voteExplain.table.lostToRounding"), (total) => total.lost)}
      {hasRounding && row(t("voteExplain.table.total"), (total) => total.total)}
    </>
  );
}

type CellProps = { t: TFunction; round: Round; id: string; isRanked: boolean };

function RoundCell({ t, round: r, id, isRanked }: CellProps) {
  const notes: ReactNode[] = [];
  const moved = r.transfers[id];
  if (isRanked && moved)
    notes.push(t("voteExplain.table.movedIn", { votes: `${moved > 0 ? "+" : ""}${formatVotes(moved)}` }));
  if (r.from === id && r.action === "surplus")
    notes.push(t("voteExplain.table.spareMovedOn", { votes: formatVotes(r.surplus ?? 0) }));
  if (r.elected.includes(id))
    notes.push(
      r.electedWithoutQuota?.includes(id) ? t("voteExplain.table.chosenWithoutQuota") : t("voteExplain.table.chosen"),
    );
  if (r.excluded.includes(id)) notes.push(t("voteExplain.table.dropped"));
  return (
    <>
      {formatVotes(r.tallies[id] ?? 0)}
      {notes.map((n, i) => (
        <span key={i} className="block text-sm font-semibold">
          {n}
        </span>
      ))}
    </>
  );
}
