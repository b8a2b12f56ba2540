import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "../lib/trpc";
import type { Change } from "../lib/use-change";
import { AccountLinkBox, type SentLink } from "./account-link-box";
import { buttonClass, secondaryButtonClass } from "./field";

/** `change`: the person's card, which shows a refusal. */
type Props = { person: { id: number; name: string; email: string; hasPassword: boolean }; change: Change };

/**
 * An admin sends someone a new link by e-mail, after confirming, because it voids their older
 * links: an invitation when they have no password yet, otherwise a link to choose a new one.
 */
export function AccountLinkAction({ person, change }: Props) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<SentLink | null>(null);
  const send = useMutation(trpc.people.sendAccountLink.mutationOptions());
  // What was sent is shown in full (the link box), so there is no status line to add.
  const sendLink = async () => {
    const result = await send.mutateAsync({ userId: person.id });
    setSent({ ...result, email: person.email });
    setConfirming(false);
  };
  const what = person.hasPassword ? "a link to choose a new password" : "a new invitation link";

  return (
    <>
      {confirming ? (
        <div
          role="group"
          aria-label={`Send ${person.name} a new link`}
          className="w-full rounded border-2 border-slate-800 bg-slate-50 p-3"
        >
          <p className="mb-2">
            Send {person.name} {what} at {person.email}? Any link sent before stops working.
            {person.hasPassword &&
              " Their password keeps working until they use the link; using it signs them out everywhere."}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={change.pending}
              onClick={() => void change.run(sendLink, { failed: "Not sent" })}
            >
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
