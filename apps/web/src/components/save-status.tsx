import type { SaveState } from "../lib/use-saved-text";

/** Says plainly whether the writer's text is safe: saved, on its way, or kept on this device only. */
export function SaveStatus({ state, error, onRetry }: { state: SaveState; error: string | null; onRetry: () => void }) {
  if (state === "failed") {
    return (
      <div role="alert" className="mt-1 border-l-4 border-red-800 bg-red-50 p-2 font-semibold text-red-900">
        Not saved: {error} Your text is kept on this device and will be sent when you are back online.{" "}
        <button type="button" className="min-h-11 text-blue-800 underline" onClick={onRetry}>
          Try again now
        </button>
      </div>
    );
  }
  const text =
    state === "saved"
      ? "All changes saved."
      : state === "saving"
        ? "Saving…"
        : state === "conflict"
          ? "Not saved: someone else saved these notes meanwhile. Merge the two texts."
          : "Not saved yet: kept on this device.";
  return (
    <p role="status" className="mt-1 text-sm font-semibold text-slate-800">
      {text}
    </p>
  );
}
