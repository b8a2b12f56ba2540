import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { type PoliceForceId, policeForceName } from "@wardpanel/validators";
import { useState } from "react";

import { formatMonth } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { secondaryButtonClass } from "./field";
import { MonthChangePreview, rowsInWords } from "./month-change-preview";
import { LoadError, Loading } from "./status";
import { When } from "./when";

type Entry = RouterOutputs["crimeData"]["imports"][number];

function whatHappened(entry: Entry): string {
  if (entry.kind === "restore")
    return `Restored the rows replaced by entry ${entry.restoredFrom}${entry.fileName ? ` (from ${entry.fileName})` : ""}`;
  if (entry.kind === "outcomes") {
    const kept = entry.summary.newerOutcomeKept ? `, ${entry.summary.newerOutcomeKept} kept a newer outcome` : "";
    return `Outcomes file ${entry.fileName}: ${entry.summary.crimesUpdated ?? 0} crimes updated${kept}, ${entry.summary.unmatched ?? 0} not held`;
  }
  return `Street file ${entry.fileName}`;
}

/** A force's import log, newest first, with "Restore" (after a preview and confirmation) for each entry that replaced rows. */
export function CrimeImportLog({ force }: { force: PoliceForceId }) {
  const trpc = useTRPC();
  const log = useQuery(trpc.crimeData.imports.queryOptions({ force }));
  const [restoring, setRestoring] = useState<number | null>(null);
  const change = useChange(trpc.crimeData.pathFilter());
  const name = policeForceName(force);

  if (log.isLoading) return <Loading />;
  if (log.error || !log.data) return <LoadError error={log.error ?? { message: "No log." }} />;
  if (log.data.length === 0) return <p>No crime data has been imported for the {name} yet.</p>;
  return (
    <>
      <ChangeStatus change={change} />
      <ol className="grid gap-2">
        {log.data.map((entry) => (
          <li key={entry.id} className="rounded border-2 border-slate-300 p-3">
            <p>
              <strong>
                {entry.id}. <When value={entry.month} as="month" />
              </strong>{" "}
              — {whatHappened(entry)}.
            </p>
            {entry.rowsAfter !== null && (
              <p>
                Rows: {entry.rowsBefore ?? 0} before, {entry.rowsAfter} after.
              </p>
            )}
            <p className="text-slate-700">
              <When value={entry.importedAt} as="dateTime" /> by {entry.importedByName ?? "the command line"}
            </p>
            {entry.canRestore &&
              (restoring === entry.id ? (
                <RestoreConfirm
                  force={force}
                  entry={entry}
                  onClose={(done) => {
                    setRestoring(null);
                    if (done) change.say(done);
                  }}
                />
              ) : (
                <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => setRestoring(entry.id)}>
                  Restore the {rowsInWords(entry.rowsBefore ?? 0)} entry {entry.id} replaced
                </button>
              ))}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Asks before restoring; a refusal is shown here, success in the log's status once this closes. */
function RestoreConfirm({
  force,
  entry,
  onClose,
}: {
  force: PoliceForceId;
  entry: Entry;
  onClose: (done?: string) => void;
}) {
  const trpc = useTRPC();
  const change = useChange(trpc.crimeData.pathFilter());
  const preview = useQuery({
    ...trpc.crimeData.restorePreview.queryOptions({ force, importId: entry.id }),
    staleTime: 0,
  });
  const restore = useMutation(trpc.crimeData.restore.mutationOptions());

  const confirm = async () => {
    if (!preview.data) return;
    const { heldImportId } = preview.data;
    let restored = "";
    const restoreMonth = async () => {
      const result = await restore.mutateAsync({ force, importId: entry.id, heldImportId });
      restored = `Restored ${formatMonth(result.month)}: ${rowsInWords(result.rowsAfter)} (${result.rowsBefore} before).`;
    };
    // Closed only once the log is refreshed, so the message and the log's new entry appear together.
    if (await change.run(restoreMonth, { failed: "Not restored" })) onClose(restored);
    // On a refusal the held rows may have changed under us: show the preview again.
    else await preview.refetch();
  };
  return (
    <div
      role="group"
      aria-label={`Restore ${formatMonth(entry.month)} as before entry ${entry.id}?`}
      className="mt-2 rounded border-2 border-slate-800 bg-slate-50 p-3"
    >
      <ChangeStatus change={change} />
      <p className="mb-2">
        Restoring puts back the rows entry {entry.id} replaced. The rows held now are kept, so this can be undone from
        the log too.
      </p>
      {preview.isLoading && <Loading what="Working out what would change…" />}
      {preview.error && <LoadError error={preview.error} />}
      {preview.data && <MonthChangePreview change={preview.data} />}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70"
          disabled={!preview.data || change.pending}
          onClick={() => void confirm()}
        >
          Yes, restore <When value={entry.month} as="month" />
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => onClose()}>
          Go back
        </button>
      </div>
    </div>
  );
}
