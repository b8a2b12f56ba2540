import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { useState } from "react";

import { useTRPC } from "../lib/trpc";
import { type BallotDraft, BallotFields, ballotHint, checkDraft } from "./ballot-fields";
import { BallotTracker } from "./ballot-tracker";
import { ballotInWords, namesInWords } from "./ballot-words";
import { ConfirmButton } from "./confirm-button";
import { inputClass, secondaryButtonClass } from "./field";

type MeetingVote = RouterOutputs["votes"]["forMeeting"]["votes"][number];
type Props = {
  wardCode: string;
  vote: MeetingVote;
  act: (change: () => Promise<unknown>, done?: string) => Promise<boolean>;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The trackers of the paper ballots just entered, one per paper in the order typed, to print and hand back. */
function PaperTrackers({ trackers }: { trackers: string[] }) {
  if (trackers.length === 0) return null;
  return (
    <div className="mb-3 rounded border-2 border-slate-700 p-3">
      <h4 className="font-semibold">Ballot trackers for the papers just entered</h4>
      <p className="mb-1 max-w-prose">
        Write each tracker on its paper or print this list and give each voter theirs: they can find it in the published
        result to see their ballot was counted.
      </p>
      <ol className="mb-2 list-decimal pl-6" data-testid="paper-trackers">
        {trackers.map((t, i) => (
          <li key={t}>
            Paper ballot {i + 1}: <span className="font-mono text-lg font-bold">{t}</span>
          </li>
        ))}
      </ol>
      <button type="button" className={`${secondaryButtonClass} print:hidden`} onClick={() => window.print()}>
        Print the trackers
      </button>
    </div>
  );
}

/**
 * Secret ballots: the chair records who voted on paper (who, not how; they then cannot vote
 * online), then types in that many ballots, which are stored without names. Each step is
 * reviewed before it is saved, as neither can be undone.
 */
export function SecretPaperBallots({ wardCode, vote, act }: Props) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.votes.markPaperVoters.mutationOptions());
  const enter = useMutation(trpc.votes.enterPaperBallots.mutationOptions());
  const [chosen, setChosen] = useState<number[]>([]);
  const [drafts, setDrafts] = useState<BallotDraft[]>([]);
  const [trackers, setTrackers] = useState<string[]>([]);
  const toEnter = vote.progress.paperBallotsToEnter;
  const notVoted = vote.members.filter((m) => !m.hasVoted);
  const chosenNames = namesInWords(notVoted.filter((m) => chosen.includes(m.userId)).map((m) => m.name));
  // Checked as typed, with the rules the server applies: a wrong rank is marked at its option.
  const checks = Array.from({ length: toEnter }, (_, i) => checkDraft(vote.config, drafts[i] ?? {}));
  const ballots = checks.flatMap((c) => (c.ballot ? [c.ballot] : []));
  const wrong = checks.flatMap((c, i) => (c.ballot ? [] : [i + 1]));
  if (notVoted.length === 0 && toEnter === 0) return <PaperTrackers trackers={trackers} />;

  return (
    <section aria-labelledby="paper-heading" className="mb-3 rounded border-2 border-slate-300 p-3">
      <h3 id="paper-heading" className="mb-1 text-xl font-bold">
        Paper ballots
      </h3>
      <PaperTrackers trackers={trackers} />
      <p className="mb-2 max-w-prose">
        In a secret ballot, paper ballots are entered without names. First record who voted on paper: they then cannot
        vote online. Then type in their ballots. If only one member votes on paper, anyone who knows that can tell which
        ballot was theirs.
      </p>
      {notVoted.length > 0 && (
        <fieldset className="mb-3">
          <legend className="mb-1 font-semibold">1. Who voted on paper</legend>
          {notVoted.map((m) => (
            <label key={m.userId} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="size-5"
                checked={chosen.includes(m.userId)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, m.userId] : c.filter((id) => id !== m.userId)))
                }
              />
              {m.name}
            </label>
          ))}
          {chosen.length > 0 && (
            <ConfirmButton
              label="Record them as voting on paper"
              question={
                <p>
                  {chosenNames} will be recorded as voting on paper, and will not be able to vote online. This cannot be
                  undone.
                </p>
              }
              confirmLabel="Yes, record them"
              onConfirm={() =>
                act(async () => {
                  await mark.mutateAsync({ wardCode, voteId: vote.id, userIds: chosen });
                  setChosen([]);
                }, `${chosenNames} recorded as voting on paper. Now enter their ballots.`)
              }
            />
          )}
        </fieldset>
      )}
      {toEnter > 0 && (
        <div>
          <h4 className="mb-1 font-semibold">
            2. Enter the paper ballots: {plural(toEnter, "ballot", "ballots")} to enter
          </h4>
          <p id="ballot-hint" className="mb-2">
            Type each ballot in as it is written. {ballotHint(vote.config)}
          </p>
          {checks.map((check, i) => (
            <fieldset key={i} className="mb-3">
              <legend className="mb-1 font-semibold">
                Paper ballot {i + 1} of {toEnter}
              </legend>
              {check.error && Object.keys(drafts[i] ?? {}).length > 0 && (
                <p className="font-semibold text-red-800">{check.error}</p>
              )}
              <BallotFields
                config={vote.config}
                draft={drafts[i] ?? {}}
                onChange={(d) => setDrafts((all) => Object.assign([...all], { [i]: d }))}
                fieldErrors={check.fieldErrors}
                idPrefix={`paper-${i + 1}`}
              />
            </fieldset>
          ))}
          {wrong.length > 0 ? (
            <p role="status" className="font-semibold">
              Correct paper {wrong.length === 1 ? "ballot" : "ballots"} {namesInWords(wrong.map(String))} as marked
              before entering the ballots.
            </p>
          ) : (
            <ConfirmButton
              label="Review the paper ballots"
              question={
                <>
                  <p className="mb-1">
                    Check each against its paper. Once entered, ballots cannot be changed or removed. They are stored
                    without names, in a random order.
                  </p>
                  <ol className="list-decimal pl-6">
                    {ballots.map((b, i) => (
                      <li key={i}>
                        {ballotInWords(vote.config, b)}
                        {checks[i]?.warning && <span className="block font-semibold">{checks[i].warning}</span>}
                      </li>
                    ))}
                  </ol>
                </>
              }
              confirmLabel={`Yes, enter ${plural(toEnter, "ballot", "ballots")}`}
              onConfirm={() =>
                act(
                  async () => {
                    const entered = await enter.mutateAsync({ wardCode, voteId: vote.id, ballots });
                    setTrackers(entered.trackers);
                    setDrafts([]);
                  },
                  `${plural(toEnter, "paper ballot", "paper ballots")} entered. Their trackers are below.`,
                )
              }
            />
          )}
        </div>
      )}
    </section>
  );
}

/** Open ballots: a paper ballot entered for the member whose it is; the record says who entered it. */
export function NamedPaperBallot({ wardCode, vote, act }: Props) {
  const trpc = useTRPC();
  const enter = useMutation(trpc.votes.enterNamedPaperBallot.mutationOptions());
  const [voterUserId, setVoterUserId] = useState("");
  const [draft, setDraft] = useState<BallotDraft>({});
  const [entered, setEntered] = useState<{ name: string; tracker: string } | null>(null);
  const notVoted = vote.members.filter((m) => !m.hasVoted);
  const name = notVoted.find((m) => String(m.userId) === voterUserId)?.name;
  const check = checkDraft(vote.config, draft);
  const receipt = entered && <BallotTracker tracker={entered.tracker} label={`${entered.name}'s ballot tracker`} />;
  if (notVoted.length === 0) return receipt;

  return (
    <section aria-labelledby="paper-heading" className="mb-3 rounded border-2 border-slate-300 p-3">
      <h3 id="paper-heading" className="mb-1 text-xl font-bold">
        Enter a paper ballot
      </h3>
      <p className="mb-2 max-w-prose">
        In an open ballot, a paper ballot is entered for the member whose it is, and the record says you entered it for
        them.
      </p>
      {receipt}
      <label className="mb-2 block font-semibold">
        Whose ballot
        <select value={voterUserId} onChange={(e) => setVoterUserId(e.target.value)} className={inputClass}>
          <option value="">Choose a member who has not voted</option>
          {notVoted.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <p id="ballot-hint" className="mb-2">
        {ballotHint(vote.config)}
      </p>
      {check.error && Object.keys(draft).length > 0 && <p className="font-semibold text-red-800">{check.error}</p>}
      <BallotFields config={vote.config} draft={draft} onChange={setDraft} fieldErrors={check.fieldErrors} />
      {name && check.ballot && (
        <div className="mt-2">
          <ConfirmButton
            label="Review the paper ballot"
            question={
              <p>
                {name}'s paper ballot: {ballotInWords(vote.config, check.ballot)}. {check.warning} The record will say
                you entered it for {name}. Once entered, it cannot be changed.
              </p>
            }
            confirmLabel="Yes, enter the ballot"
            onConfirm={() =>
              act(async () => {
                const ballot = check.ballot ?? { ranking: [] };
                const done = await enter.mutateAsync({
                  wardCode,
                  voteId: vote.id,
                  voterUserId: Number(voterUserId),
                  ballot,
                });
                setEntered({ name, tracker: done.tracker });
                setDraft({});
                setVoterUserId("");
              }, `${name}'s paper ballot entered. Their tracker is shown above.`)
            }
          />
        </div>
      )}
    </section>
  );
}
