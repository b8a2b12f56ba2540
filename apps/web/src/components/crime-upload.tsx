import { useMutation } from "@tanstack/react-query";
import type { RouterInputs, RouterOutputs } from "@wardpanel/api";
import { useId, useRef, useState } from "react";

import { formatMonth, formatTime } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, secondaryButtonClass } from "./field";
import { type MonthChange, MonthChangePreview, rowsInWords } from "./month-change-preview";
import { When } from "./when";

/** What an import did: the upload's 201 answer and crimeData.confirmUpload's answer are the same. */
type ImportResult = RouterOutputs["crimeData"]["confirmUpload"];
/**
 * The upload's answer when the month is already held (an RFC 9457 problem, 409): nothing imported
 * yet, the upload kept for its uploader to confirm with crimeData.confirmUpload.
 */
type NeedsConfirming = {
  detail: string;
  preview: MonthChange;
  confirm: RouterInputs["crimeData"]["confirmUpload"] & { expiresAt: string };
};
/** Any other refusal of the upload: a problem whose `detail` says what is wrong. */
type UploadAnswer = ImportResult & Partial<NeedsConfirming> & { detail?: string };

/**
 * Uploads a police.uk street file and/or outcomes file with a progress bar; the server refuses a
 * bad file with its line. A month already held is not replaced until the person has seen what
 * changes and confirmed.
 */
export function CrimeUpload({ onImported }: { onImported: (month: string) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const street = useRef<HTMLInputElement>(null);
  const outcomes = useRef<HTMLInputElement>(null);
  // The file itself goes over XMLHttpRequest (for its progress), so only confirming runs through
  // `change.run`; a refused file is shown with `change.fail`, and success in the result below.
  const change = useChange(trpc.crimeData.pathFilter());
  const [progress, setProgress] = useState<number | null>(null);
  const [stage, setStage] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [confirming, setConfirming] = useState<NeedsConfirming | null>(null);
  const confirmUpload = useMutation(trpc.crimeData.confirmUpload.mutationOptions());

  const imported = (parsed: ImportResult) => {
    setProgress(100);
    setStage("Imported.");
    setResult(parsed);
    const month = parsed.street?.month ?? parsed.outcomes?.month;
    if (month) onImported(month);
  };

  const upload = () => {
    const streetFile = street.current?.files?.[0];
    const outcomesFile = outcomes.current?.files?.[0];
    if (!streetFile && !outcomesFile)
      return change.fail("Choose a street-level crime file, an outcomes file, or both.");
    const body = new FormData();
    if (streetFile) body.append("street", streetFile, streetFile.name);
    if (outcomesFile) body.append("outcomes", outcomesFile, outcomesFile.name);
    change.say(null);
    setResult(null);
    setConfirming(null);
    setProgress(0);
    setStage("Uploading…");
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const request = new XMLHttpRequest();
    request.open("POST", "/api/staff/crime-imports");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress(Math.round((event.loaded / event.total) * 90));
    };
    request.upload.onload = () => {
      setProgress(90);
      setStage("Checking every row and placing each crime in its ward…");
    };
    request.onerror = () => {
      setProgress(null);
      change.fail("The upload did not reach the server: check your connection and try again. Nothing was changed.");
    };
    request.onload = () => {
      setProgress(null);
      const parsed = (() => {
        try {
          return JSON.parse(request.responseText || "{}") as UploadAnswer;
        } catch {
          return {} as Partial<UploadAnswer>;
        }
      })();
      if (request.status === 409 && parsed.preview && parsed.confirm) return setConfirming(parsed as NeedsConfirming);
      if (request.status !== 201)
        return change.fail(parsed.detail ?? "The files were not imported. Nothing was changed.");
      imported(parsed as ImportResult);
      void change.refresh();
    };
    request.send(body);
  };

  const confirm = async ({ force, stagedImportId }: NeedsConfirming["confirm"]) => {
    setProgress(90);
    setStage("Replacing the month…");
    const replaced = await change.run(
      async () => imported(await confirmUpload.mutateAsync({ force, stagedImportId })),
      { failed: (reason) => `The month was not replaced: ${reason} Nothing was changed.` },
    );
    if (!replaced) setProgress(null);
    setConfirming(null);
  };

  return (
    <div>
      <div className="mb-4">
        <label htmlFor={`${id}-street`} className="block font-semibold">
          Street-level crime file (…-street.csv, or a police.uk API answer saved as .json)
        </label>
        <input
          id={`${id}-street`}
          ref={street}
          type="file"
          accept=".csv,text/csv,.json,application/json"
          className="mt-1 block min-h-11 max-w-full"
        />
      </div>
      <div className="mb-4">
        <label htmlFor={`${id}-outcomes`} className="block font-semibold">
          Outcomes file (…-outcomes.csv), optional
        </label>
        <input
          id={`${id}-outcomes`}
          ref={outcomes}
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block min-h-11 max-w-full"
        />
      </div>
      <button type="button" className={buttonClass} onClick={upload} disabled={progress !== null && progress < 100}>
        Import the files
      </button>
      {progress !== null && (
        <div className="mt-4">
          <label htmlFor={`${id}-progress`} className="block font-semibold">
            Import progress
          </label>
          <progress id={`${id}-progress`} max={100} value={progress} className="h-4 w-full max-w-md" />
          <p role="status">{stage}</p>
        </div>
      )}
      <div className="mt-4">
        <ChangeStatus change={change} />
      </div>
      {confirming && (
        <div
          role="group"
          aria-label={`Replace ${formatMonth(confirming.preview.month)}?`}
          className="mt-4 rounded border-2 border-slate-800 bg-slate-50 p-3"
        >
          <h3 className="mb-2 text-xl font-bold">
            Replace {confirming.preview.force}'s <When value={confirming.preview.month} as="month" />?
          </h3>
          <p className="mb-2">
            Nothing has been imported yet. This is what replacing the month would change. The rows held now are kept, so
            you can restore them later from the import log.
          </p>
          <MonthChangePreview change={confirming.preview} />
          <p className="mt-2 text-sm text-slate-700">
            This upload waits until{" "}
            <time dateTime={confirming.confirm.expiresAt}>{formatTime(confirming.confirm.expiresAt)}</time>.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70"
              disabled={change.pending}
              onClick={() => void confirm(confirming.confirm)}
            >
              Yes, replace <When value={confirming.preview.month} as="month" />
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(null)}>
              Go back
            </button>
          </div>
        </div>
      )}
      {result && (
        <div role="status" className="mt-4 border-l-4 border-green-800 bg-green-50 p-3 text-green-950">
          {result.street && (
            <p>
              <strong>
                {result.street.force}, <When value={result.street.month} as="month" />:{" "}
                {rowsInWords(result.street.summary.total)} imported
              </strong>
              {result.street.replaced > 0 ? ` (replacing ${result.street.replaced} held before)` : ""}. In a ward:{" "}
              {result.street.summary.inWards}. No location: {result.street.summary.noLocation}. Outside every ward we
              hold: {result.street.summary.outsideWards}. In a ward another force polices (shown in its pack as that
              force's): {result.street.summary.outsideForceArea}.
            </p>
          )}
          {result.outcomes && (
            <p>
              <strong>
                Outcomes <When value={result.outcomes.month} as="month" />:
              </strong>{" "}
              {result.outcomes.crimesUpdated} crimes updated ({result.outcomes.earlierMonthCrimes} from earlier months);{" "}
              {(result.outcomes.newerOutcomeKept ?? 0) > 0 &&
                `${result.outcomes.newerOutcomeKept} name crimes that already have a newer outcome, which was kept; `}
              {result.outcomes.unmatched} name crimes we do not hold.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
