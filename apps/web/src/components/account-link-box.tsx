import type { RouterOutputs } from "@wardpanel/api";
import { useState } from "react";

import { formatTime, formatWeekdayDate } from "../lib/dates";
import { Field, inputClass, secondaryButtonClass } from "./field";

/**
 * A link the server has just issued (`link` absolute, built from PUBLIC_BASE_URL; `emailed` whether
 * the e-mail was accepted for delivery), and the address it went to.
 */
export type SentLink = RouterOutputs["people"]["sendAccountLink"] & { email: string };

// A plain string (it is a field's hint), so no <time> element.
const when = (at: string | Date) => `${formatWeekdayDate(at)}, ${formatTime(at)}`;

/** A link just sent to someone: whether the e-mail went, and the link itself to copy and send another way. */
export function AccountLinkBox({ sent }: { sent: SentLink }) {
  const [copied, setCopied] = useState(false);
  const label = sent.purpose === "invitation" ? "Invitation link" : "Link to choose a new password";
  return (
    <div className="mt-4 border-l-4 border-green-800 bg-green-50 p-3">
      <p role="status" className="mb-2 font-semibold">
        {sent.emailed
          ? `We have e-mailed the link to ${sent.email}.`
          : `We could not e-mail ${sent.email} just now. Copy the link and send it to them yourself.`}
      </p>
      <Field
        label={label}
        hint={`It works once, until ${when(sent.expiresAt)}. Any older link for them no longer works.`}
      >
        {(a11y) => (
          <input
            {...a11y}
            readOnly
            value={sent.link}
            className={inputClass}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </Field>
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => void navigator.clipboard?.writeText(sent.link).then(() => setCopied(true))}
      >
        Copy link
      </button>
      <p role="status" className="mt-1">
        {copied ? "Copied." : ""}
      </p>
    </div>
  );
}
