import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { categoryLabel } from "@wardpanel/validators";
import { Link, useParams } from "react-router";

import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

type Followed = RouterOutputs["concerns"]["follow"];
type Step = Followed["history"][number];

const STATUS_WORDS: Record<Followed["status"], string> = {
  new: "Waiting for the Safer Neighbourhoods Team to review it",
  shortlisted: "On the shortlist the ward panel chooses its priorities from",
  merged: "Joined with the same concern raised by someone else",
  rejected: "Will not become a ward priority",
  prioritised: "Chosen by the ward panel as a priority",
};

const OUTCOME_WORDS = {
  achieved: "the team and the panel judged the problem dealt with",
  withdrawn: "it was withdrawn",
  superseded: "another priority took its place",
} as const;

/** One step of the concern's life in plain words. */
function stepInWords(step: Step): string {
  const d = step.detail;
  switch (step.kind) {
    case "received":
      return "The team received your concern.";
    case "merged":
      return `Joined with concern ${d.mergedIntoReference ?? ""}, which counts everyone who raised it.`;
    case "shortlisted":
      return "Put on the shortlist for the ward panel's next vote on priorities.";
    case "unshortlisted":
      return "Taken off the shortlist for now.";
    case "rejected":
      return `The team decided it will not become a priority. Their reason: ${d.reason ?? ""}`;
    case "prioritised":
      return `The ward panel voted to make it a priority: “${d.priorityTitle ?? ""}”.`;
    case "priority_ended":
      return `The priority ended: ${d.outcome ? OUTCOME_WORDS[d.outcome] : "it is over"}.${d.reason ? ` ${d.reason}` : ""}`;
  }
}

/** The private follow page of a concern: reached only through the link given when it was raised. */
export function ConcernFollowPage() {
  const { token = "" } = useParams();
  useTitle("Your concern");
  const trpc = useTRPC();
  const followed = useQuery({ ...trpc.concerns.follow.queryOptions({ token }), retry: false });
  if (followed.isLoading) return <Loading />;
  if (followed.error || !followed.data) return <LoadError error={followed.error ?? { message: "No data." }} />;
  const c = followed.data;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Your concern {c.reference}</h1>
      <p className="mb-4">
        Raised in {c.wardName} ward on <When value={c.createdAt} />. This page is private: only people with its link can
        see it.
      </p>
      <dl className="mb-6 max-w-2xl">
        <dt className="font-semibold">What is the problem?</dt>
        <dd className="mb-2">{c.description}</dd>
        <dt className="font-semibold">Where?</dt>
        <dd className="mb-2">{c.location}</dd>
        <dt className="font-semibold">Kind of problem</dt>
        <dd className="mb-2">{categoryLabel(c.category)}</dd>
        <dt className="font-semibold">Where it stands</dt>
        <dd className="mb-2 text-lg font-bold">{STATUS_WORDS[c.status]}</dd>
        {c.status === "rejected" && (
          <>
            <dt className="font-semibold">The team's reason</dt>
            <dd className="mb-2">{c.rejectionReason}</dd>
          </>
        )}
      </dl>
      {c.priority && (
        <section aria-labelledby="priority-heading" className="mb-6">
          <h2 id="priority-heading" className="mb-2 text-2xl font-bold">
            The priority it became
          </h2>
          <p>
            <Link to={`/wards/${c.wardCode}/priorities`} className="text-blue-800 underline">
              {c.priority.title}
            </Link>
            {c.priority.status === "active" ? (
              " is one of the ward's current priorities."
            ) : (
              <>
                {" "}
                ended
                {c.priority.statusDate && (
                  <>
                    {" "}
                    on <When value={c.priority.statusDate} />
                  </>
                )}
                : {c.priority.statusReason}
              </>
            )}
          </p>
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-2xl font-bold">
          What has happened
        </h2>
        <ol className="max-w-2xl list-decimal pl-6">
          {c.history.map((step, i) => (
            <li key={i} className="mb-2">
              <When value={step.at} />: {stepInWords(step)}
            </li>
          ))}
        </ol>
      </section>
      <p className="mt-6">
        In an emergency call 999. To report a crime call 101 or{" "}
        <a href="https://www.police.uk/" className="text-blue-800 underline">
          report it online at police.uk
        </a>
        .
      </p>
    </>
  );
}
