import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@wardpanel/validators";
import { useState } from "react";
import { useTRPC } from "../lib/trpc";
import { FormAlert, secondaryButtonClass } from "./field";
import { LoadError, Loading } from "./status";

/** The ward's actions: open first, overdue ones marked in words; organisers close them, with undo. */
export function WardActions({ wardCode, canChange }: { wardCode: string; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const actions = useQuery(trpc.actions.forWard.queryOptions({ wardCode }));
  const setStatus = useMutation(trpc.actions.setStatus.mutationOptions());
  const [undo, setUndo] = useState<{ actionId: number; description: string; status: ActionStatus } | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const change = async (actionId: number, description: string, status: ActionStatus, previous: ActionStatus) => {
    setAlert(null);
    try {
      await setStatus.mutateAsync({ wardCode, actionId, status, note: "" });
      setUndo(status === "open" ? null : { actionId, description, status: previous });
      await queryClient.invalidateQueries(trpc.actions.pathFilter());
    } catch (error) {
      setAlert(`Not saved: ${(error as Error).message}`);
    }
  };

  if (actions.isLoading) return <Loading />;
  if (actions.error) return <LoadError error={actions.error} />;
  const open = actions.data?.filter((a) => a.status === "open") ?? [];
  const overdue = open.filter((a) => a.isOverdue).length;

  return (
    <>
      <FormAlert message={alert} />
      <p role="status" className="mb-2">
        {undo ? (
          <>
            Marked “{undo.description}”.{" "}
            <button type="button" className="min-h-11 font-semibold text-blue-800 underline" onClick={() => change(undo.actionId, undo.description, undo.status, undo.status)}>
              Undo
            </button>
          </>
        ) : (
          `${open.length} open ${open.length === 1 ? "action" : "actions"}${overdue ? `, ${overdue} overdue` : ""}.`
        )}
      </p>
      {open.length > 0 && (
        <ul className="grid gap-3">
          {open.map((a) => (
            <li key={a.id} className={`rounded border-2 p-3 ${a.isOverdue ? "border-red-800" : "border-slate-300"}`}>
              <p className="font-semibold">
                {a.isOverdue && <span className="mr-2 rounded bg-red-800 px-2 py-0.5 text-white">Overdue</span>}
                {a.description}
              </p>
              <p>
                Owner: {a.owner} · Due {a.dueDate} · Agreed at {a.meetingTitle} · {ACTION_STATUS_LABELS[a.status]}
              </p>
              {canChange && (
                <div className="mt-2 flex flex-wrap gap-2">
                  <button aria-label={`Mark done: ${a.description}`} type="button" className={secondaryButtonClass} onClick={() => change(a.id, a.description, "done", "open")}>
                    Mark done
                  </button>
                  <button aria-label={`Drop: ${a.description}`} type="button" className={secondaryButtonClass} onClick={() => change(a.id, a.description, "dropped", "open")}>
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
