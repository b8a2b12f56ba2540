import { TRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ErrorData = { field?: string | null; fieldErrors?: Record<string, string[] | undefined> | null };

/**
 * Shows a server error against the field it concerns (from DomainError.field or zod's
 * fieldErrors); returns the message for a form-level alert when no known field is named.
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof TRPCClientError)) return "Something went wrong. Check your connection and try again.";
  const data = (error.data ?? {}) as ErrorData;
  let shown = false;
  for (const [field, messages] of Object.entries(data.fieldErrors ?? {})) {
    if (fields.includes(field) && messages?.[0]) {
      setError(field as Path<T>, { message: messages[0] });
      shown = true;
    }
  }
  if (data.field && fields.includes(data.field)) {
    setError(data.field as Path<T>, { message: error.message });
    return null;
  }
  return shown ? null : error.message;
}
