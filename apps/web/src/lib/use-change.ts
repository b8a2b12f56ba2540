import { type QueryFilters, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";

import { applyServerError, reasonOf } from "./form-errors";

/**
 * What a change touches, refreshed once it is made: the queries under one or more tRPC paths
 * (`trpc.agenda.pathFilter()`), or "everything" when a change shows across the app (signing in,
 * a meeting's date). Nothing is refreshed when it is left out (the page's own state shows the result).
 */
export type Refresh = QueryFilters | readonly QueryFilters[] | "everything";

export type RunOptions<T extends FieldValues, R = unknown> = {
  /** Announced in the status region when the change has been made and refreshed; may read the change's answer. */
  done?: string | ((result: R) => string);
  /** Offered as an "Undo" button beside `done`; undoing is itself a change, announced as "Undone.". */
  undo?: () => Promise<unknown>;
  /** A react-hook-form form: a server error naming one of `fields` is shown against that field. */
  form?: { setError: UseFormSetError<T>; fields: readonly string[] };
  /**
   * How the alert starts: "Not saved" unless said otherwise (a refused sign-in is not a save), or a
   * function of the reason for the whole text.
   */
  failed?: string | ((reason: string) => string);
};

export type ChangeState = {
  /** True while a change is running: disable its button or form. */
  pending: boolean;
  /** The last success, with its undo if it has one; null after a failure or before any change. */
  status: { text: string; undo?: () => Promise<boolean> } | null;
  /** "Not saved: <reason>", or null. */
  alert: string | null;
};

/**
 * The one way the web app runs a change (decision in docs/contributing.md, "Running a change in
 * the web app"): `const change = useChange(trpc.agenda.pathFilter())`, then
 * `change.run(() => publish.mutateAsync(ref), { done: "The agenda is published." })` and
 * `<ChangeStatus change={change} />` where the messages belong.
 *
 * `run` clears the last messages, marks the change pending, makes it, refreshes what it touched,
 * and announces `done`. On failure nothing is refreshed and the reason is shown as an alert, or
 * against the form's field when the server names one. It resolves to true when the change was
 * made, so the caller can reset a form or close an editor; it never rejects: nothing fails silently.
 */
export function useChange(refresh?: Refresh) {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(0);
  const [status, setStatus] = useState<ChangeState["status"]>(null);
  const [alert, setAlert] = useState<string | null>(null);

  /** Refreshes what this change touches, for a change made outside `run` (an upload sent by XMLHttpRequest). */
  const refreshAll = async () => {
    if (!refresh) return;
    if (refresh === "everything") await queryClient.invalidateQueries();
    else
      await Promise.all(
        (Array.isArray(refresh) ? refresh : [refresh]).map((filters: QueryFilters) =>
          queryClient.invalidateQueries(filters),
        ),
      );
  };

  const run = async <R, T extends FieldValues = FieldValues>(
    change: () => Promise<R>,
    options: RunOptions<T, R> = {},
  ): Promise<boolean> => {
    setAlert(null);
    setStatus(null);
    setRunning((n) => n + 1);
    try {
      const result = await change();
      await refreshAll();
      const { done, undo } = options;
      const text = typeof done === "function" ? done(result) : done;
      if (text) setStatus({ text, ...(undo && { undo: () => run(undo, { done: "Undone." }) }) });
      return true;
    } catch (error) {
      const reason = options.form
        ? applyServerError(error, options.form.setError, options.form.fields)
        : reasonOf(error);
      const { failed = "Not saved" } = options;
      if (reason) setAlert(typeof failed === "function" ? failed(reason) : `${failed}: ${reason}`);
      return false;
    } finally {
      setRunning((n) => n - 1);
    }
  };

  /** Announces `text` as a success (a change reported by a child form), or clears both messages (null). */
  const say = (text: string | null) => {
    setAlert(null);
    setStatus(text ? { text } : null);
  };

  /**
   * For a change run elsewhere (a child form that shows its own refusal, then tells its page):
   * refresh what this change touches, then announce `text`, with an "Undo" button when `undo` is given.
   */
  const done = async (text: string, undo?: () => Promise<unknown>) => {
    await refreshAll();
    setAlert(null);
    setStatus({ text, ...(undo && { undo: () => run(undo, { done: "Undone." }) }) });
  };

  /** Refuses before anything is sent (no file chosen, too large): the text is shown as the alert. */
  const fail = (text: string) => {
    setStatus(null);
    setAlert(text);
  };

  return { run, done, say, fail, refresh: refreshAll, pending: running > 0, status, alert };
}

export type Change = ReturnType<typeof useChange>;
