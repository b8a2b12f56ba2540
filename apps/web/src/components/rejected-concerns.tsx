import { useMutation, useQuery } from "@tanstack/react-query";

import { useTRPC } from "../lib/trpc";
import type { useChange } from "../lib/use-change";
import { secondaryButtonClass } from "./field";
import { LoadError, Loading } from "./status";

/** The ward's rejected concerns with their reasons; "Restore" puts one back in the queue (with undo). */
export function RejectedConcerns({ wardCode, change }: { wardCode: string; change: ReturnType<typeof useChange> }) {
  const trpc = useTRPC();
  const rejected = useQuery(trpc.concerns.rejected.queryOptions({ wardCode }));
  const restore = useMutation(trpc.concerns.restore.mutationOptions());
  const reject = useMutation(trpc.concerns.reject.mutationOptions());
  if (rejected.isLoading) return <Loading />;
  if (rejected.error || !rejected.data) return <LoadError error={rejected.error ?? { message: "No list." }} />;
  if (rejected.data.length === 0) return <p>No concerns have been rejected.</p>;
  return (
    <ul className="grid gap-3">
      {rejected.data.map((c) => (
        <li key={c.id} className="rounded border-2 border-slate-300 p-3">
          <p className="font-semibold">{c.description}</p>
          <p>
            {c.location} · rejected: {c.rejectionReason}
          </p>
          <button
            type="button"
            aria-label={`Restore: ${c.description}`}
            className={`${secondaryButtonClass} mt-2`}
            disabled={change.pending}
            onClick={() =>
              change.run(() => restore.mutateAsync({ wardCode, concernId: c.id }), {
                done: "Restored to the queue.",
                undo: () => reject.mutateAsync({ wardCode, concernId: c.id, reason: c.rejectionReason }),
              })
            }
          >
            Restore
          </button>
        </li>
      ))}
    </ul>
  );
}
