import { useId } from "react";

import { useTRPCClient } from "../lib/trpc";
import { useSavedText } from "../lib/use-saved-text";
import { inputClass } from "./field";
import { SaveStatus } from "./save-status";

/** Notes for one agenda item, saved as the chair types; see useSavedText for what happens offline. */
export function LiveNotes({
  wardCode,
  meetingId,
  itemId,
  itemTitle,
  serverNotes,
}: {
  wardCode: string;
  meetingId: number;
  itemId: number;
  itemTitle: string;
  serverNotes: string;
}) {
  const id = useId();
  // The plain client, not a react-query mutation: react-query pauses mutations while offline, and
  // the chair must be told at once that a note is not saved rather than see "Saving…" forever.
  const client = useTRPCClient();
  const notes = useSavedText({
    storageKey: `notes:${meetingId}:${itemId}`,
    serverValue: serverNotes,
    save: (text) => client.live.saveNotes.mutate({ wardCode, meetingId, itemId, notes: text }),
  });
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        Notes on “{itemTitle}”
      </label>
      <textarea
        id={id}
        value={notes.value}
        onChange={(e) => notes.change(e.target.value)}
        onBlur={() => void notes.retry()}
        rows={6}
        className={inputClass}
      />
      <SaveStatus state={notes.state} error={notes.error} onRetry={() => void notes.retry()} />
    </div>
  );
}
