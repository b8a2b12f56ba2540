import type { ChangeState } from "../lib/use-change";
import { FormAlert } from "./field";

/**
 * Where a change's outcome is read out: its failure as an alert (role="alert"), its success in a
 * status region (role="status", always present so screen readers announce what appears in it),
 * with an Undo button when the change can be undone. `className`: the status line's spacing and
 * look while it shows (a page's boxed notice); nothing takes room while it is empty.
 */
export function ChangeStatus({ change, className = "mb-2" }: { change: ChangeState; className?: string }) {
  const { alert, status } = change;
  return (
    <>
      <FormAlert message={alert} />
      <p role="status" className={`font-semibold text-green-900 ${status ? className : ""}`}>
        {status?.text}
        {status?.undo && (
          <>
            {" "}
            <button type="button" className="min-h-11 text-blue-800 underline" onClick={() => void status.undo?.()}>
              Undo
            </button>
          </>
        )}
      </p>
    </>
  );
}
