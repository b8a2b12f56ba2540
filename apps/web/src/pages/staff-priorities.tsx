import { useMutation, useQuery } from "@tanstack/react-query";
import { type AreaGeometry, PRIORITY_LIFECYCLE, type PriorityFields } from "@wardpanel/validators";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { BackLink } from "../components/back-link";
import { ChangeStatus } from "../components/change-status";
import { PriorityActions } from "../components/priority-actions";
import { PriorityAreaEditor } from "../components/priority-area-editor";
import { PriorityForm } from "../components/priority-form";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { useTRPC } from "../lib/trpc";
import { useWardAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useResponseTargetMinutes } from "../lib/use-response-target";
import { useTitle } from "../lib/use-viewer";

const STATUS: Record<string, string> = {
  draft: "Draft: not yet public",
  active: "Active",
  achieved: "Achieved",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
};

const EMPTY: PriorityFields = {
  title: "",
  problem: "",
  category: null,
  area: null,
  streets: [],
  postcodes: [],
  placeName: "",
  wantedAction: "",
  successMeasure: "",
  startDate: null,
  reviewDate: null,
  owner: "",
};

/**
 * The sergeant's priorities: make each specific, publish, report progress monthly, end with a reason.
 * The ward's other staff read the same list; only those who may manage priorities are offered the changes.
 */
export function StaffPrioritiesPage() {
  const { wardCode = "" } = useParams();
  useTitle("Priorities");
  const trpc = useTRPC();
  const minutes = useResponseTargetMinutes();
  const may = useWardAccess(wardCode);
  const canManage = may("managePriorities");
  const data = useQuery(trpc.priorities.forWard.queryOptions({ wardCode }));
  const page = useQuery(trpc.wards.page.queryOptions({ wardCode }));
  const create = useMutation(trpc.priorities.create.mutationOptions());
  const update = useMutation(trpc.priorities.update.mutationOptions());
  const [editing, setEditing] = useState<number | "new" | null>(null);
  // The priority form shows a refusal itself; what it saved is announced here.
  const change = useChange(trpc.priorities.pathFilter());

  if (data.isLoading || page.isLoading) return <Loading />;
  if (data.error || !data.data || !page.data)
    return <LoadError error={data.error ?? page.error ?? { message: "No priorities." }} />;
  const { priorities, reviewsDue, activeLimit } = data.data;
  const ward = page.data.ward;
  const areaEditor = (value: AreaGeometry | null, onChange: (area: AreaGeometry | null) => void) => (
    <PriorityAreaEditor boundary={ward.boundary} wardName={ward.name} value={value} onChange={onChange} />
  );
  const toFields = (p: (typeof priorities)[number]): PriorityFields => ({
    title: p.title,
    problem: p.problem,
    category: p.category,
    area: p.area,
    streets: p.streets,
    postcodes: p.postcodes,
    placeName: p.placeName,
    wantedAction: p.wantedAction,
    successMeasure: p.successMeasure,
    startDate: p.startDate,
    reviewDate: p.reviewDate,
    owner: p.owner,
  });

  return (
    <>
      <BackLink to={`/staff/wards/${wardCode}`}>Back to the ward</BackLink>
      <h1 className="mb-2 text-3xl font-bold">Priorities for {ward.name}</h1>
      <p className="mb-4">
        At most {activeLimit} active at once. A priority must say where, what, what is wanted, how success is judged,
        and until when before it is published.{" "}
        <Link to={`/wards/${wardCode}/priorities`} className="text-blue-800 underline">
          See the public library
        </Link>
      </p>
      {reviewsDue.length > 0 && (
        <div role="status" className="mb-4 border-l-8 border-amber-700 bg-amber-50 p-3">
          <p className="font-semibold">Reviews due</p>
          <ul className="list-disc pl-6">
            {reviewsDue.map((p) => (
              <li key={p.id}>
                {p.title}: review date <When value={p.reviewDate} />. It is on the next meeting's agenda under “Report
                back”.
              </li>
            ))}
          </ul>
        </div>
      )}
      <ChangeStatus change={change} />
      <ul className="grid gap-4">
        {priorities.map((p) => (
          <li key={p.id} className="rounded border-2 border-slate-300 p-4">
            <h2 className="text-xl font-bold">{p.title}</h2>
            <p>
              <strong>{STATUS[p.status]}</strong>
              {p.statusDate && (
                <>
                  {" "}
                  since <When value={p.statusDate} />
                </>
              )}
              {p.statusReason && ` — ${p.statusReason}`}
              {p.isCallHandlingFlagged && !p.flagLapsedAt && ` · ${minutes}-minute response`}
              {p.voteId && " · chosen by a panel vote"}
            </p>
            {p.isCallHandlingFlagged && p.flagLapsedAt && (
              <p className="my-2 border-l-8 border-amber-700 bg-amber-50 p-2">
                <strong>
                  Not flagged: review overdue since <When value={p.reviewDate} />.
                </strong>{" "}
                Nobody reviewed it within the force's grace after its review date, so since{" "}
                <When value={p.flagLapsedAt} /> control rooms no longer give its calls the {minutes}-minute response.
                Edit it and move the review date to today or later to bring the flag back.
              </p>
            )}
            {p.problem && <p>{p.problem}</p>}
            <p className="text-slate-800">
              Where:{" "}
              {[p.area ? "area drawn on the map" : "", p.placeName, ...p.streets, ...p.postcodes]
                .filter(Boolean)
                .join(", ") || "not yet said"}{" "}
              · Review: {p.reviewDate ? <When value={p.reviewDate} /> : "not yet set"} · Owner:{" "}
              {p.owner || "not yet set"}
            </p>
            {p.progress.length > 0 && (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer content-center font-semibold">
                  You said – We did ({p.progress.length})
                </summary>
                <ul className="list-disc pl-6">
                  {p.progress.map((e) => (
                    <li key={e.id}>
                      <When value={e.month} as="month" />: {e.policeAction} {e.partnerAction} {e.whatChanged}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {canManage && editing === p.id ? (
              <div className="mt-3">
                <PriorityForm
                  initial={toFields(p)}
                  submitLabel="Save the priority"
                  renderAreaEditor={areaEditor}
                  onSubmit={async (fields) => {
                    await update.mutateAsync({ wardCode, priorityId: p.id, ...fields });
                    setEditing(null);
                    await change.done(`Saved “${fields.title}”.`);
                  }}
                />
              </div>
            ) : (
              canManage &&
              PRIORITY_LIFECYCLE.allows(p.status, "edit") && (
                <button
                  type="button"
                  aria-label={`Edit: ${p.title}`}
                  className="mt-2 min-h-11 text-blue-800 underline"
                  onClick={() => setEditing(p.id)}
                >
                  Edit
                </button>
              )
            )}
            {canManage && <PriorityActions wardCode={wardCode} priority={p} canFlag={may("flagForCallHandling")} />}
          </li>
        ))}
      </ul>
      {canManage && (
        <section aria-labelledby="new-heading" className="mt-8">
          <h2 id="new-heading" className="mb-2 text-2xl font-bold">
            A new priority
          </h2>
          {editing === "new" ? (
            <PriorityForm
              initial={EMPTY}
              submitLabel="Save as a draft"
              renderAreaEditor={areaEditor}
              onSubmit={async (fields) => {
                await create.mutateAsync({ wardCode, ...fields });
                setEditing(null);
                await change.done(`Saved “${fields.title}” as a draft.`);
              }}
            />
          ) : (
            <button type="button" className="min-h-11 text-blue-800 underline" onClick={() => setEditing("new")}>
              Write a new priority
            </button>
          )}
        </section>
      )}
    </>
  );
}
