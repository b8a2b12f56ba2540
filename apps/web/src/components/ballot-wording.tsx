import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "../lib/trpc";
import type { useChange } from "../lib/use-change";
import { buttonClass, inputClass, secondaryButtonClass } from "./field";
import { When } from "./when";

type Concern = {
  id: number;
  description: string;
  language: string;
  ballotWording: string | null;
  ballotWordingByName: string | null;
  ballotWordingAt: Date | string | null;
};

/**
 * The words a concern has on the ballot: the sergeant can reword it (100 characters at most), with
 * undo; the words as raised stay shown beside the new ones, with who changed them and when.
 */
export function BallotWording({
  wardCode,
  concern,
  change,
}: {
  wardCode: string;
  concern: Concern;
  change: ReturnType<typeof useChange>;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.concerns.setBallotWording.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [wording, setWording] = useState(concern.ballotWording ?? concern.description.slice(0, 100));
  const previous = concern.ballotWording ?? "";
  const inputId = `ballot-wording-${concern.id}`;

  return (
    <div className="mt-2">
      {concern.ballotWording !== null && (
        <p>
          <span className="font-semibold">On the ballot:</span> {concern.ballotWording}{" "}
          <span className="text-slate-800">
            (reworded by {concern.ballotWordingByName ?? "a former user"}
            {concern.ballotWordingAt && (
              <>
                , <When value={concern.ballotWordingAt} as="dateTime" />
              </>
            )}
            )
          </span>
        </p>
      )}
      {editing ? (
        <form
          className="mt-2 max-w-xl"
          onSubmit={(e) => {
            e.preventDefault();
            void change
              .run(() => save.mutateAsync({ wardCode, concernId: concern.id, wording }), {
                done: wording.trim() ? "The ballot wording is saved." : "The ballot uses the words as raised again.",
                undo: () => save.mutateAsync({ wardCode, concernId: concern.id, wording: previous }),
              })
              .then((saved) => saved && setEditing(false));
          }}
        >
          <label htmlFor={inputId} className="block font-semibold">
            Wording on the ballot
          </label>
          <p id={`${inputId}-hint`} className="text-slate-800">
            Up to 100 characters. Leave it empty to use the words as raised.
          </p>
          <input
            id={inputId}
            aria-describedby={`${inputId}-hint`}
            value={wording}
            maxLength={100}
            onChange={(e) => setWording(e.target.value)}
            className={inputClass}
          />
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="submit" className={buttonClass} disabled={change.pending}>
              Save the wording
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          aria-label={`Edit the ballot wording: ${concern.description}`}
          className={`${secondaryButtonClass} mt-2`}
          onClick={() => setEditing(true)}
        >
          Edit the ballot wording
        </button>
      )}
    </div>
  );
}
