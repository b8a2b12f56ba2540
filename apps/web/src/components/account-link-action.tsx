import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../lib/trpc";
import { AccountLinkBox, type SentLink } from "./account-link-box";
import { buttonClass, secondaryButtonClass } from "./field";

type Props = { person: { id: number; name: string; email: string; hasPassword: boolean }; onError: (error: { message: string }) => void };

/**
 * An admin sends someone a new link by e-mail, after confirming, because it voids their older
 * links: an invitation when they have no password yet, otherwise a link to choose a new one.
 */
export function AccountLinkAction({ person, onError }: Props) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<SentLink | null>(null);
  const send = useMutation(
    trpc.people.sendAccountLink.mutationOptions({
      onSuccess: (result) => {
        setSent({ ...result, email: person.email });
        setConfirming(false);
      },
      onError,
    }),
  );
  const what = person.hasPassword ? "a link to choose a new password" : "a new invitation link";

  return (
    <>
      {confirming ? (
        <div role="group" aria-label={`Send ${person.name} a new link`} className="w-full rounded border-2 border-slate-800 bg-slate-50 p-3">
          <p className="mb-2">
            Send {person.name} {what} at {person.email}? Any link sent before stops working.
            {person.hasPassword && " Their password keeps working until they use the link; using it signs them out everywhere."}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonClass} disabled={send.isPending} onClick={() => send.mutate({ userId: person.id })}>
              Yes, send the link
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)}>
          Send a new link<span className="sr-only"> to {person.name}</span>
        </button>
      )}
      {sent && <AccountLinkBox sent={sent} />}
    </>
  );
}
