import { useMutation, useQuery } from "@tanstack/react-query";
import { SOURCE_LANGUAGE } from "@wardpanel/i18n";
import { categoryLabel, POLICE_UK_CATEGORIES, type PoliceUkCategory } from "@wardpanel/validators";
import { useState } from "react";
import { useParams } from "react-router";

import { BackLink } from "../components/back-link";
import { BallotWording } from "../components/ballot-wording";
import { ChangeStatus } from "../components/change-status";
import { inputClass, secondaryButtonClass } from "../components/field";
import { RejectedConcerns } from "../components/rejected-concerns";
import { SntConcernForm } from "../components/snt-concern-form";
import { LoadError, Loading } from "../components/status";
import { languageName } from "../components/written-in";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

const SOURCES: Record<string, string> = {
  public_form: "Ward page",
  meeting: "Raised at a meeting",
  snt: "Team survey or street briefing",
};

/**
 * The sergeant's queue: merge duplicates, reword for the ballot, reject with a reason (and restore),
 * shortlist for the next vote.
 */
export function ConcernQueuePage() {
  const { wardCode = "" } = useParams();
  useTitle("Community concerns");
  const trpc = useTRPC();
  const queue = useQuery(trpc.concerns.queue.queryOptions({ wardCode }));
  const shortlist = useMutation(trpc.concerns.shortlist.mutationOptions());
  const merge = useMutation(trpc.concerns.merge.mutationOptions());
  const reject = useMutation(trpc.concerns.reject.mutationOptions());
  const restore = useMutation(trpc.concerns.restore.mutationOptions());
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const change = useChange(trpc.concerns.pathFilter());
  const act = (run: () => Promise<unknown>, done: string, undo?: () => Promise<unknown>) =>
    change.run(run, { done, undo });

  if (queue.isLoading) return <Loading />;
  if (queue.error || !queue.data) return <LoadError error={queue.error ?? { message: "No queue." }} />;
  const concerns = queue.data;
  const [keep, ...duplicates] = [...selected].sort((a, b) => a - b);

  return (
    <>
      <BackLink to={`/staff/wards/${wardCode}`}>Back to the ward</BackLink>
      <h1 className="mb-2 text-3xl font-bold">Community concerns</h1>
      <p className="mb-4">
        Shortlist the concerns the panel should vote on. Merge duplicates first: the count of people who raised them is
        kept.
      </p>
      <ChangeStatus change={change} />
      {concerns.length === 0 && <p className="mb-4">No concerns are waiting.</p>}
      {selected.length >= 2 && keep !== undefined && (
        <div className="mb-4 rounded border-2 border-blue-800 p-3">
          <p className="mb-2">
            Merge {duplicates.length} {duplicates.length === 1 ? "concern" : "concerns"} into the earliest one selected,
            adding up who raised them.
          </p>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() =>
              act(
                () => merge.mutateAsync({ wardCode, keepId: keep, mergeIds: duplicates }).then(() => setSelected([])),
                "Merged.",
              )
            }
          >
            Merge the selected concerns
          </button>
        </div>
      )}
      <ul className="grid gap-3">
        {concerns.map((c) => (
          <li
            key={c.id}
            className={`rounded border-2 p-3 ${c.status === "shortlisted" ? "border-green-800" : "border-slate-300"}`}
          >
            <label className="flex min-h-11 items-start gap-2">
              <input
                type="checkbox"
                className="mt-1 size-5"
                checked={selected.includes(c.id)}
                onChange={(e) => setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((id) => id !== c.id)))}
              />
              <span>
                <span className="block font-semibold">
                  {c.status === "shortlisted" && (
                    <span className="mr-2 rounded bg-green-800 px-2 py-0.5 text-white">Shortlisted</span>
                  )}
                  <span lang={c.language}>{c.description}</span>
                </span>
                {c.ballotWording !== null && <span className="block text-slate-800">(the words as raised)</span>}
                {c.language !== SOURCE_LANGUAGE && (
                  <span className="block font-bold">{`Written in ${languageName(c.language)} — reply in ${languageName(c.language)}`}</span>
                )}
                <span className="block">
                  {c.location}
                  {c.postcode && `, ${c.postcode}`} · {categoryLabel(c.category)} · {SOURCES[c.source] ?? c.source} ·
                  raised by {c.raisedCount} {c.raisedCount === 1 ? "person" : "people"}
                </span>
                {(c.raisedBy || c.contactEmail) && (
                  <span className="block">
                    Report back to {c.raisedBy || "the person who raised it"}
                    {c.contactEmail && (
                      <>
                        {" "}
                        at{" "}
                        <a href={`mailto:${c.contactEmail}`} className="underline">
                          {c.contactEmail}
                        </a>
                      </>
                    )}
                  </span>
                )}
              </span>
            </label>
            {c.crimesNearby && (
              <p className="text-sm text-slate-800">
                police.uk crimes within {c.crimesNearby.radiusMetres} m, {c.crimesNearby.from} to {c.crimesNearby.to}:{" "}
                {Object.entries(c.crimesNearby.byCategory).length === 0
                  ? "none recorded"
                  : Object.entries(c.crimesNearby.byCategory)
                      .sort((a, b) => b[1] - a[1])
                      .map(([slug, n]) => `${POLICE_UK_CATEGORIES[slug as PoliceUkCategory] ?? slug} ${n}`)
                      .join(", ")}
              </p>
            )}
            <BallotWording wardCode={wardCode} concern={c} change={change} />
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                aria-label={`${c.status === "shortlisted" ? "Remove from the shortlist" : "Shortlist"}: ${c.description}`}
                className={secondaryButtonClass}
                onClick={() =>
                  act(
                    () =>
                      shortlist.mutateAsync({ wardCode, concernId: c.id, isShortlisted: c.status !== "shortlisted" }),
                    c.status === "shortlisted" ? "Removed from the shortlist." : "Shortlisted for the next vote.",
                  )
                }
              >
                {c.status === "shortlisted" ? "Remove from the shortlist" : "Shortlist"}
              </button>
              <button
                type="button"
                aria-label={`Reject: ${c.description}`}
                className={secondaryButtonClass}
                onClick={() => setRejecting(c.id)}
              >
                Reject
              </button>
            </div>
            {rejecting === c.id && (
              <form
                className="mt-2 rounded border-2 border-red-800 p-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(
                    () => reject.mutateAsync({ wardCode, concernId: c.id, reason }).then(() => setRejecting(null)),
                    "Rejected, with the reason kept.",
                    () => restore.mutateAsync({ wardCode, concernId: c.id }),
                  );
                }}
              >
                <label className="block font-semibold">
                  Why is it rejected?
                  <textarea
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    rows={2}
                    className={inputClass}
                  />
                </label>
                <div className="mt-2 flex gap-2">
                  <button
                    type="submit"
                    className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white"
                  >
                    Reject the concern
                  </button>
                  <button type="button" className={secondaryButtonClass} onClick={() => setRejecting(null)}>
                    Keep it
                  </button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="rejected-heading" className="mt-8">
        <h2 id="rejected-heading" className="mb-2 text-2xl font-bold">
          Rejected concerns
        </h2>
        <RejectedConcerns wardCode={wardCode} change={change} />
      </section>
      <section aria-labelledby="record-heading" className="mt-8">
        <h2 id="record-heading" className="mb-2 text-2xl font-bold">
          Record a concern from a survey or street briefing
        </h2>
        <SntConcernForm wardCode={wardCode} />
      </section>
    </>
  );
}
