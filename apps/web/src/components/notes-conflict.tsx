import { useId, useState } from "react";

import { mergeNotes } from "../lib/merge-notes";
import type { OtherText } from "../lib/use-saved-text";
import { buttonClass, inputClass, secondaryButtonClass } from "./field";
import { When } from "./when";

/**
 * Someone else saved this item's notes while the writer was editing: both texts side by side and
 * a merged text, prefilled with a three-way merge of both against the text both started from
 * (mergeNotes), to check and save. Nothing
 * is saved until the writer chooses. Give it `key={other.version}` so a second conflict starts
 * again from the newer text.
 */
export function NotesConflict({
  itemTitle,
  other,
  base,
  mine,
  pending,
  onSaveMerged,
  onKeepTheirs,
}: {
  itemTitle: string;
  other: OtherText;
  /** The text both started from (at the version the writer's edit was based on), for the three-way merge. */
  base: string;
  mine: string;
  pending: boolean;
  onSaveMerged: (text: string) => unknown;
  onKeepTheirs: () => unknown;
}) {
  const id = useId();
  const [merged, setMerged] = useState(() => mergeNotes(base, other.notes, mine));
  const rows = (text: string) => Math.min(12, Math.max(3, text.split("\n").length + 1));
  return (
    <div className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3">
      <p role="alert" className="mb-2 font-semibold text-amber-950">
        Not saved: someone else saved the notes on “{itemTitle}” while you were editing. Check both texts, then save a
        merged text.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <h4 id={`${id}-theirs`} className="font-semibold">
            Their text (saved by {other.savedBy ?? "someone else"}
            {other.savedAt && (
              <>
                {" "}
                at <When value={other.savedAt} as="time" />
              </>
            )}
            )
          </h4>
          <p
            aria-labelledby={`${id}-theirs`}
            className="min-h-11 rounded border border-slate-400 bg-white p-2 break-words whitespace-pre-wrap"
          >
            {other.notes || "(empty)"}
          </p>
        </div>
        <div>
          <h4 id={`${id}-mine`} className="font-semibold">
            Your text
          </h4>
          <p
            aria-labelledby={`${id}-mine`}
            className="min-h-11 rounded border border-slate-400 bg-white p-2 break-words whitespace-pre-wrap"
          >
            {mine || "(empty)"}
          </p>
        </div>
      </div>
      <label htmlFor={`${id}-merged`} className="mt-3 block font-semibold">
        Merged text
      </label>
      <p id={`${id}-merged-hint`} className="text-sm text-slate-800">
        Their text, then the lines you added. Edit it before saving.
      </p>
      <textarea
        id={`${id}-merged`}
        aria-describedby={`${id}-merged-hint`}
        value={merged}
        onChange={(e) => setMerged(e.target.value)}
        rows={rows(merged)}
        maxLength={20_000}
        className={inputClass}
      />
      <div className="mt-2 flex flex-wrap gap-3">
        <button type="button" className={buttonClass} disabled={pending} onClick={() => void onSaveMerged(merged)}>
          Save merged text
        </button>
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => void onKeepTheirs()}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}
