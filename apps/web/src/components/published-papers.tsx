import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { WithdrawPaperInput } from "@wardpanel/validators";
import { useId, useState } from "react";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { inputClass, secondaryButtonClass } from "./field";
import { When } from "./when";

type PublishedPaper = RouterOutputs["agenda"]["forMeeting"]["publishedPapers"][number];
type Props = { wardCode: string; meetingId: number; papers: PublishedPaper[]; canWithdraw: boolean };

/**
 * Papers the public have been given in a published agenda. Removing a paper from the working
 * agenda does not take it out of versions already published; withdrawing does, for good.
 */
export function PublishedPapers({ wardCode, meetingId, papers, canWithdraw }: Props) {
  if (papers.length === 0) return null;
  return (
    <section aria-labelledby={`published-papers-${meetingId}`} className="mb-4">
      <h3 id={`published-papers-${meetingId}`} className="mb-1 text-lg font-bold">
        Papers the public have been given
      </h3>
      <p className="mb-2">
        Removing a paper above does not take it out of agendas already published. Withdraw it here to take it down from
        every published version.
      </p>
      <ul className="grid gap-2">
        {papers.map((paper) => (
          <li key={paper.id} className="rounded border-2 border-slate-300 p-3">
            <p>
              <span className="break-all font-semibold">{paper.fileName}</span> — {paper.itemTitle} (published in
              version {paper.versions.join(", ")})
            </p>
            {paper.withdrawn ? (
              <p>
                Withdrawn <When value={paper.withdrawn.at} /> by {paper.withdrawn.byName ?? "someone no longer listed"}.
                Reason: {paper.withdrawn.reason}
              </p>
            ) : (
              canWithdraw && <WithdrawPaper wardCode={wardCode} meetingId={meetingId} paper={paper} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WithdrawPaper({ wardCode, meetingId, paper }: { wardCode: string; meetingId: number; paper: PublishedPaper }) {
  const id = useId();
  const trpc = useTRPC();
  const change = useChange(trpc.agenda.pathFilter());
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const withdraw = useMutation(trpc.agenda.withdrawPaper.mutationOptions());
  const label = `Withdraw ${paper.fileName}`;

  if (!asking) {
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const submit = async () => {
    const input = WithdrawPaperInput.safeParse({ wardCode, meetingId, paperId: paper.id, reason });
    if (!input.success) return setFieldError(input.error.issues[0]?.message ?? "Say why the paper is withdrawn");
    setFieldError(null);
    await change.run(() => withdraw.mutateAsync(input.data), { failed: "Not withdrawn" });
  };
  return (
    <div role="group" aria-label={label} className="mt-2 rounded border-2 border-slate-800 bg-slate-50 p-3">
      <ChangeStatus change={change} />
      <p className="mb-2">
        The paper will no longer download from any published version of the agenda. The public will see when and why.
        This cannot be undone.
      </p>
      <label htmlFor={`${id}-reason`} className="block font-semibold">
        Why is it withdrawn?
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        The public will read this on the meeting page.
      </p>
      {fieldError && (
        <p id={`${id}-error`} className="font-semibold text-red-800">
          {fieldError}
        </p>
      )}
      <textarea
        id={`${id}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={fieldError !== null}
        aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ""}`}
        rows={2}
        className={inputClass}
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
          onClick={submit}
          disabled={change.pending}
        >
          Yes, withdraw it
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
          Go back
        </button>
      </div>
    </div>
  );
}
