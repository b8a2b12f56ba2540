import type { ReactNode } from "react";

import { formatVotes, type Round, type VoteResult } from "./vote-words";

const ACTIONS: Record<Round["action"], string> = {
  count: "Count",
  "first-preferences": "First choices",
  surplus: "Spare votes moved",
  exclusion: "Lowest dropped",
};

/**
 * The count round by round: one row per option, one column per round, each cell giving the votes
 * and, in words (never colour alone), what happened to the option in that round. It scrolls
 * sideways on a phone rather than squeezing, and can be scrolled from the keyboard.
 */
export function VoteRoundsTable({ result, titleOf }: { result: VoteResult; titleOf: (id: string) => string }) {
  const ids = Object.keys(result.rounds[0]?.tallies ?? {});
  const isRanked = result.method === "ranked";
  const caption = isRanked ? "Votes for each option after each round of the count" : "Votes for each option";
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
              Option
            </th>
            {result.rounds.map((r) => (
              <th key={r.round} scope="col" className={cell}>
                {isRanked ? (
                  <>
                    Round {r.round}
                    <span className="block font-normal">{ACTIONS[r.action]}</span>
                  </>
                ) : (
                  "Votes"
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
                  <RoundCell round={r} id={id} isRanked={isRanked} />
                </td>
              ))}
            </tr>
          ))}
          {isRanked && (
            <tr>
              <th scope="row" className={cell}>
                Exhausted ballots (no further choice)
              </th>
              {result.rounds.map((r) => (
                <td key={r.round} className={cell}>
                  {r.exhaustedBallots}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const cell = "border border-slate-400 px-2 py-1 align-top";

function RoundCell({ round: r, id, isRanked }: { round: Round; id: string; isRanked: boolean }) {
  const notes: ReactNode[] = [];
  const moved = r.transfers[id];
  if (isRanked && moved) notes.push(`${moved > 0 ? "+" : ""}${formatVotes(moved)} moved in`);
  if (r.from === id && r.action === "surplus") notes.push(`spare ${formatVotes(r.surplus ?? 0)} moved on`);
  if (r.elected.includes(id))
    notes.push(r.electedWithoutQuota?.includes(id) ? "Chosen (last place, without the quota)" : "Chosen");
  if (r.excluded.includes(id)) notes.push("Dropped");
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
