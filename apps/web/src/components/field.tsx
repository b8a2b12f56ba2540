import { type ReactNode, useId } from "react";
import type { FieldError } from "react-hook-form";

type FieldProps = {
  label: string;
  error?: FieldError | undefined;
  hint?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode;
};

/** A labelled control with its hint and error linked by aria-describedby. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {error?.message && (
        <p id={`${id}-error`} className="font-semibold text-red-800">
          {error.message}
        </p>
      )}
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
    </div>
  );
}

export const inputClass =
  "mt-1 block w-full rounded border-2 border-slate-800 px-3 py-2 text-base aria-[invalid=true]:border-red-800";
export const buttonClass =
  "inline-flex min-h-11 items-center rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-70";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center rounded border-2 border-slate-800 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100";

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="mb-4 border-l-4 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
      {message}
    </div>
  );
}
