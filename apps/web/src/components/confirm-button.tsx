import { type ReactNode, useState } from "react";

import { buttonClass, secondaryButtonClass } from "./field";

type Props = {
  label: string;
  /** What will happen, said before it happens. */
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | void;
  danger?: boolean;
};

/** A button that asks first, for anything that cannot simply be undone. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, danger = false }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={danger ? secondaryButtonClass : buttonClass} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={label} className="rounded border-2 border-slate-800 bg-slate-50 p-3">
      <div className="mb-2">{question}</div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={
            danger
              ? "inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
              : buttonClass
          }
          onClick={async () => {
            await onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)}>
          Go back
        </button>
      </div>
    </div>
  );
}
