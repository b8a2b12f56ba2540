import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "../lib/trpc";
import { secondaryButtonClass } from "./field";
import { QrCode } from "./qr-code";

/**
 * For the chair's screen while a vote is open: a QR code of the ballot page's address, for members
 * to scan with their phones, with the address in text too. Hidden until asked for.
 */
export function BallotQr({ wardCode, meetingId }: { wardCode: string; meetingId: number }) {
  const trpc = useTRPC();
  const votes = useQuery(trpc.votes.forMeeting.queryOptions({ wardCode, meetingId }));
  const [shown, setShown] = useState(false);
  const open = votes.data?.votes.find((v) => v.status === "open");
  if (!open) return null;
  const url = `${window.location.origin}/staff/wards/${wardCode}/votes/${open.id}`;
  return (
    <section aria-labelledby="ballot-qr-heading" className="my-4 rounded border-2 border-blue-800 p-3">
      <h2 id="ballot-qr-heading" className="mb-2 text-xl font-bold">
        The vote is open: members cast their ballot on their phones
      </h2>
      <p className="mb-2">
        Ballot page: <span className="break-all font-mono">{url}</span>
      </p>
      <button
        type="button"
        className={secondaryButtonClass}
        aria-expanded={shown}
        aria-controls="ballot-qr"
        onClick={() => setShown((s) => !s)}
      >
        {shown ? "Hide the QR code" : "Show a QR code of the ballot page"}
      </button>
      <div id="ballot-qr" hidden={!shown} className="mt-3">
        {shown && (
          <QrCode
            text={url}
            label={`QR code of the ballot page, ${url}`}
            className="h-auto w-full max-w-sm border border-slate-300"
          />
        )}
      </div>
    </section>
  );
}
