import { TRPCClientError } from "@trpc/client";
import { formMessage } from "@wardpanel/validators";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ErrorData = { field?: string | null; fieldErrors?: Record<string, string[] | undefined> | null };

// One of the public forms' sentences, so those forms show it in the reader's language (lib/form-words.ts).
const NO_ANSWER = formMessage("noAnswer");

/**
 * Why a change failed, in words for the person: the server's own message when it refused (a
 * DomainError or validation), or a plain "check your connection" when no answer came back
 * (tRPC's error then carries no `data`, and its message is the browser's "Failed to fetch").
 */
export function reasonOf(error: unknown): string {
  if (error instanceof TRPCClientError) return error.data ? error.message : NO_ANSWER;
  if (error instanceof TypeError) return NO_ANSWER;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Shows a server error against the field it concerns (from DomainError.field or zod's
 * fieldErrors); returns the message for a form-level alert when no known field is named.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (!(error instanceof TRPCClientError) || !error.data) return reasonOf(error);
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
