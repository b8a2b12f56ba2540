import { PAPER_MAX_BYTES, PAPER_TYPES } from "@wardpanel/validators";
import { useId, useRef } from "react";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { secondaryButtonClass } from "./field";

const ACCEPT = Object.keys(PAPER_TYPES).join(",");

/** Uploads one paper for an agenda item; the server checks type and size by content and says why it refuses. */
export function PaperUpload({
  wardCode,
  meetingId,
  itemId,
  itemTitle,
}: {
  wardCode: string;
  meetingId: number;
  itemId: number;
  itemTitle: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const trpc = useTRPC();
  const change = useChange(trpc.agenda.pathFilter());

  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) return change.fail("Choose a file to upload");
    if (file.size > PAPER_MAX_BYTES)
      return change.fail(`${file.name} is larger than ${PAPER_MAX_BYTES / 1024 / 1024} MB. Upload a smaller file.`);
    const sent = async () => {
      const body = new FormData();
      body.append("file", file, file.name);
      const response = await fetch(`/api/wards/${wardCode}/meetings/${meetingId}/items/${itemId}/papers`, {
        method: "POST",
        body,
      }).catch(() => {
        throw new Error("check your connection and try again.");
      });
      // A refusal is an RFC 9457 problem whose `detail` says why.
      const result = (await response.json().catch(() => ({}))) as { detail?: string };
      if (!response.ok) throw new Error(result.detail ?? "try again.");
    };
    if ((await change.run(sent, { done: `Uploaded ${file.name}.`, failed: "Not uploaded" })) && input.current)
      input.current.value = "";
  };

  return (
    <div className="mt-2">
      <label htmlFor={id} className="block font-semibold">
        Add a paper to “{itemTitle}”
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {Object.values(PAPER_TYPES).join(", ")}; up to {PAPER_MAX_BYTES / 1024 / 1024} MB.
      </p>
      <ChangeStatus change={change} className="" />
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          ref={input}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-hint`}
          className="min-h-11 max-w-full"
        />
        <button
          aria-label={`Upload to ${itemTitle}`}
          type="button"
          className={secondaryButtonClass}
          onClick={upload}
          disabled={change.pending}
        >
          Upload
        </button>
      </div>
    </div>
  );
}
