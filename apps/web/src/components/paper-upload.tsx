import { PAPER_MAX_BYTES, PAPER_TYPES } from "@wardpanel/validators";
import { useId, useRef, useState } from "react";
import { secondaryButtonClass } from "./field";

const ACCEPT = Object.keys(PAPER_TYPES).join(",");

/** Uploads one paper for an agenda item; the server checks type and size by content and says why it refuses. */
export function PaperUpload({ wardCode, meetingId, itemId, itemTitle, onUploaded }: { wardCode: string; meetingId: number; itemId: number; itemTitle: string; onUploaded: () => Promise<void> }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ kind: "error", text: "Choose a file to upload" });
    if (file.size > PAPER_MAX_BYTES) return setMessage({ kind: "error", text: `${file.name} is larger than ${PAPER_MAX_BYTES / 1024 / 1024} MB. Upload a smaller file.` });
    setBusy(true);
    setMessage(null);
    try {
      const body = new FormData();
      body.append("file", file, file.name);
      const response = await fetch(`/api/wards/${wardCode}/meetings/${meetingId}/items/${itemId}/papers`, { method: "POST", body });
      // A refusal is an RFC 9457 problem whose `detail` says why.
      const result = (await response.json().catch(() => ({}))) as { detail?: string };
      if (!response.ok) return setMessage({ kind: "error", text: result.detail ?? "The paper was not uploaded. Try again." });
      if (input.current) input.current.value = "";
      setMessage({ kind: "ok", text: `Uploaded ${file.name}.` });
      await onUploaded();
    } catch {
      setMessage({ kind: "error", text: "The paper was not uploaded: check your connection and try again." });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-2">
      <label htmlFor={id} className="block font-semibold">
        Add a paper to “{itemTitle}”
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {Object.values(PAPER_TYPES).join(", ")}; up to {PAPER_MAX_BYTES / 1024 / 1024} MB.
      </p>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`font-semibold ${message.kind === "error" ? "text-red-800" : "text-green-900"}`}>
          {message.text}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <input id={id} ref={input} type="file" accept={ACCEPT} aria-describedby={`${id}-hint`} className="min-h-11 max-w-full" />
        <button aria-label={`Upload to ${itemTitle}`} type="button" className={secondaryButtonClass} onClick={upload} disabled={busy}>
          Upload
        </button>
      </div>
    </div>
  );
}
