import { type ReactNode, useEffect, useId, useRef, useState } from "react";

import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, secondaryButtonClass } from "./field";

type Props = {
  /** The button that asks first. */
  label: string;
  /** What the person is asked, in a sentence. */
  question: string;
  /** What happens, and whether it can be undone. */
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  /** How a refusal starts, as useChange's `failed`: "Not saved" unless said otherwise. */
  failed?: string;
};

/**
 * A step that cannot be undone, behind an inline "are you sure": the question takes focus when it
 * opens, Cancel returns focus to the button that opened it, and a refusal is shown as an alert.
 */
export function MinutesConfirmAction({ label, question, children, confirmLabel, onConfirm, failed }: Props) {
  const [open, setOpen] = useState(false);
  // The caller's onConfirm refreshes and announces success; a refusal is shown here.
  const change = useChange();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (open) questionRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      openerRef.current?.focus();
    }
  }, [open]);

  if (!open) {
    return (
      <button ref={openerRef} type="button" className={`${buttonClass} print:hidden`} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      className="rounded border-2 border-blue-800 bg-blue-50 p-4 print:hidden"
    >
      <p id={`${id}-question`} ref={questionRef} tabIndex={-1} className="mb-2 text-lg font-bold">
        {question}
      </p>
      {children}
      <ChangeStatus change={change} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={change.pending}
          onClick={() => void change.run(onConfirm, { failed })}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            returnFocus.current = true;
            change.say(null);
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
