import { useMutation, useQuery } from "@tanstack/react-query";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@wardpanel/validators";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { secondaryButtonClass } from "./field";
import { LoadError, Loading } from "./status";
import { When } from "./when";

/** The ward's actions: open first, overdue ones marked in words; organisers close them, with undo. */
export function WardActions({ wardCode, canChange }: { wardCode: string; canChange: boolean }) {
  const trpc = useTRPC();
  const actions = useQuery(trpc.actions.forWard.queryOptions({ wardCode }));
  const setStatus = useMutation(trpc.actions.setStatus.mutationOptions());
  const change = useChange(trpc.actions.pathFilter());

  /** Closes an action ("done" or "dropped"), offering to reopen it. */
  const close = (actionId: number, description: string, status: ActionStatus) =>
    change.run(() => setStatus.mutateAsync({ wardCode, actionId, status, note: "" }), {
      done: `Marked “${description}” ${ACTION_STATUS_LABELS[status].toLowerCase()}.`,
      undo: () => setStatus.mutateAsync({ wardCode, actionId, status: "open", note: "" }),
    });

  if (actions.isLoading) return <Loading />;
  if (actions.error) return <LoadError error={actions.error} />;
  const open = actions.data?.filter((a) => a.status === "open") ?? [];
  const overdue = open.filter((a) => a.isOverdue).length;

  return (
    <>
      <ChangeStatus change={change} />
      <p className="mb-2">{`${open.length} open ${open.length === 1 ? "action" : "actions"}${overdue ? `, ${overdue} overdue` : ""}.`}</p>
      {open.length > 0 && (
        <ul className="grid gap-3">
          {open.map((a) => (
            <li key={a.id} className={`rounded border-2 p-3 ${a.isOverdue ? "border-red-800" : "border-slate-300"}`}>
              <p className="font-semibold">
                {a.isOverdue && <span className="mr-2 rounded bg-red-800 px-2 py-0.5 text-white">Overdue</span>}
                {a.description}
              </p>
              <p>
                Owner: {a.owner} · Due <When value={a.dueDate} /> · Agreed at {a.meetingTitle} ·{" "}
                {ACTION_STATUS_LABELS[a.status]}
              </p>
              {canChange && (
                <div className="mt-2 flex flex-wrap gap-2">
                  <button
                    aria-label={`Mark done: ${a.description}`}
                    type="button"
                    className={secondaryButtonClass}
                    disabled={change.pending}
                    onClick={() => close(a.id, a.description, "done")}
                  >
                    Mark done
                  </button>
                  <button
                    aria-label={`Drop: ${a.description}`}
                    type="button"
                    className={secondaryButtonClass}
                    disabled={change.pending}
                    onClick={() => close(a.id, a.description, "dropped")}
                  >
                    Drop
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
