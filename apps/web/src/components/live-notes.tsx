import type { RouterOutputs } from "@wardpanel/api";
import { useId } from "react";
import { Link } from "react-router";

import { useTRPCClient } from "../lib/trpc";
import { useSavedText } from "../lib/use-saved-text";
import { inputClass } from "./field";
import { NotesConflict } from "./notes-conflict";
import { SaveStatus } from "./save-status";

type NotesSave = RouterOutputs["live"]["view"]["items"][number]["notesSave"];

/**
 * Notes for one agenda item, saved as the chair types; see useSavedText for what happens offline.
 * Each save names the version it was edited from: if another device saved meanwhile, the writer
 * sees both texts and saves a merge instead of overwriting theirs.
 */
export function LiveNotes({
  wardCode,
  meetingId,
  itemId,
  itemTitle,
  serverNotes,
  serverSave,
}: {
  wardCode: string;
  meetingId: number;
  itemId: number;
  itemTitle: string;
  serverNotes: string;
  serverSave: NotesSave;
}) {
  const id = useId();
  // The plain client, not a react-query mutation: react-query pauses mutations while offline, and
  // the chair must be told at once that a note is not saved rather than see "Saving…" forever.
  const client = useTRPCClient();
  const notes = useSavedText({
    storageKey: `notes:${meetingId}:${itemId}`,
    serverValue: serverNotes,
    serverVersion: serverSave.version,
    save: (text, baseVersion) =>
      client.live.saveNotes.mutate({ wardCode, meetingId, itemId, notes: text, baseVersion }),
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
        readOnly={notes.other !== null}
        aria-describedby={notes.other ? `${id}-conflict` : undefined}
        className={inputClass}
      />
      {notes.other ? (
        <div id={`${id}-conflict`}>
          <NotesConflict
            key={notes.other.version}
            itemTitle={itemTitle}
            other={notes.other}
            base={notes.baseText}
            mine={notes.value}
            pending={false}
            onSaveMerged={notes.saveMerged}
            onKeepTheirs={notes.keepTheirs}
          />
        </div>
      ) : (
        <SaveStatus state={notes.state} error={notes.error} onRetry={() => void notes.retry()} />
      )}
    </div>
  );
}

/**
 * An item's notes once the minutes are drafted: read-only here, since the draft took its own copy
 * and a live note would never reach the minutes (the server refuses it with the same words).
 */
export function NotesInMinutes({
  notes,
  itemTitle,
  minutesPath,
}: {
  notes: string;
  itemTitle: string;
  minutesPath: string;
}) {
  const id = useId();
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        Notes on “{itemTitle}”
      </label>
      <textarea id={id} value={notes} readOnly rows={6} aria-describedby={`${id}-where`} className={inputClass} />
      <p id={`${id}-where`} className="font-semibold">
        The minutes are drafted: edit the notes in the minutes.{" "}
        <Link to={minutesPath} className="text-blue-800 underline">
          The minutes
        </Link>
      </p>
    </div>
  );
}
