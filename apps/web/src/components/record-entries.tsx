import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import {
  ActionFields,
  categoryLabel,
  EditDecisionInput,
  EditMeetingConcernInput,
  type RecordEntryKind,
} from "@wardpanel/validators";
import { type ReactNode, useState } from "react";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { type Change, useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { ConcernCategoryOptions } from "./concern-category-options";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";
import { When } from "./when";

type Ref = { wardCode: string; meetingId: number };
type LiveView = RouterOutputs["live"]["view"];
type Decision = LiveView["items"][number]["decisions"][number];
type Action = LiveView["items"][number]["actions"][number];
type Concern = LiveView["concerns"][number];

const linkButton = "min-h-11 px-1 text-blue-800 underline";

/**
 * Removing from the record with "Removed ‘…’. Undo": the removal's id comes back from the server,
 * and Undo puts that removal back. The status lives with the list, so it stays after the row goes.
 */
function useRemoval(meeting: Ref, change: Change) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.record.remove.mutationOptions());
  const restore = useMutation(trpc.record.restore.mutationOptions());
  return (kind: RecordEntryKind, id: number) => {
    let removalId = 0;
    return change.run(
      async () => {
        const removed = await remove.mutateAsync({ ...meeting, kind, id });
        removalId = removed.removalId;
        return removed;
      },
      {
        done: (removed) => `Removed ‘${removed.summary}’.`,
        undo: () => restore.mutateAsync({ ...meeting, removalId }),
      },
    );
  };
}

/** One entry: what it says, with Edit (an inline form) and Remove beside it for those who keep the record. */
function EntryRow({
  summary,
  children,
  canChange,
  onRemove,
  editor,
  pending,
}: {
  summary: string;
  children: ReactNode;
  canChange: boolean;
  onRemove: () => Promise<unknown>;
  editor: (close: () => void) => ReactNode;
  pending: boolean;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) return <li className="my-2 list-none">{editor(() => setEditing(false))}</li>;
  return (
    <li>
      {children}
      {canChange && (
        <span className="ml-2 inline-flex flex-wrap gap-x-2 print:hidden">
          <button type="button" className={linkButton} onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> ‘{summary}’</span>
          </button>
          <button type="button" className={linkButton} disabled={pending} onClick={() => void onRemove()}>
            Remove<span className="sr-only"> ‘{summary}’</span>
          </button>
        </span>
      )}
    </li>
  );
}

/** An inline edit form: the fields, Save and Cancel; a refusal is shown against its field or above. */
function EditForm<T extends FieldValues>({
  schema,
  defaults,
  fields,
  save,
  close,
  children,
  label,
}: {
  schema: z.ZodType<T, T>;
  defaults: DefaultValues<T>;
  fields: readonly Path<T>[];
  save: (values: T) => Promise<unknown>;
  close: () => void;
  children: (form: ReturnType<typeof useForm<T>>) => ReactNode;
  label: string;
}) {
  const change = useChange("everything");
  const form = useForm<T>({ resolver: zodResolver(schema), defaultValues: defaults });
  const submit = form.handleSubmit(async (values) => {
    if (await change.run(() => save(values), { form: { setError: form.setError, fields } })) close();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="rounded border-2 border-blue-800 bg-blue-50 p-3">
      <ChangeStatus change={change} />
      {children(form)}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Save
        </button>
        <button type="button" className={secondaryButtonClass} onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const DecisionText = EditDecisionInput.pick({ text: true });
const ConcernText = EditMeetingConcernInput.pick({ description: true, location: true, category: true });

/** A meeting item's decisions, each editable and removable (with undo) until the minutes are circulated. */
export function DecisionList({
  meeting,
  decisions,
  canChange,
}: {
  meeting: Ref;
  decisions: Decision[];
  canChange: boolean;
}) {
  const trpc = useTRPC();
  const edit = useMutation(trpc.record.editDecision.mutationOptions());
  const change = useChange("everything");
  const remove = useRemoval(meeting, change);
  return (
    <>
      <ChangeStatus change={change} />
      {decisions.length === 0 ? (
        <p className="mb-2">None yet.</p>
      ) : (
        <ul className="mb-2 list-disc pl-6">
          {decisions.map((d) => (
            <EntryRow
              key={d.id}
              summary={d.text}
              canChange={canChange}
              pending={change.pending}
              onRemove={() => remove("decision", d.id)}
              editor={(close) => (
                <EditForm
                  schema={DecisionText}
                  defaults={{ text: d.text }}
                  fields={["text"]}
                  label={`Edit the decision ‘${d.text}’`}
                  close={close}
                  save={(values) => edit.mutateAsync({ ...meeting, decisionId: d.id, ...values })}
                >
                  {(form) => (
                    <Field label="Decision" error={form.formState.errors.text}>
                      {(a11y) => <input {...a11y} {...form.register("text")} className={inputClass} />}
                    </Field>
                  )}
                </EditForm>
              )}
            >
              {d.text}
            </EntryRow>
          ))}
        </ul>
      )}
    </>
  );
}

/** A meeting item's actions, each editable and removable (with undo) until the minutes are circulated. */
export function ActionList({ meeting, actions, canChange }: { meeting: Ref; actions: Action[]; canChange: boolean }) {
  const trpc = useTRPC();
  const edit = useMutation(trpc.record.editAction.mutationOptions());
  const change = useChange("everything");
  const remove = useRemoval(meeting, change);
  return (
    <>
      <ChangeStatus change={change} />
      {actions.length === 0 ? (
        <p className="mb-2">None yet.</p>
      ) : (
        <ul className="mb-2 list-disc pl-6">
          {actions.map((a) => (
            <EntryRow
              key={a.id}
              summary={a.description}
              canChange={canChange}
              pending={change.pending}
              onRemove={() => remove("action", a.id)}
              editor={(close) => (
                <EditForm
                  schema={ActionFields}
                  defaults={{ description: a.description, owner: a.owner, dueDate: a.dueDate }}
                  fields={["description", "owner", "dueDate"]}
                  label={`Edit the action ‘${a.description}’`}
                  close={close}
                  save={(values) => edit.mutateAsync({ ...meeting, actionId: a.id, ...values })}
                >
                  {(form) => (
                    <>
                      <Field label="Action: what is to be done" error={form.formState.errors.description}>
                        {(a11y) => <input {...a11y} {...form.register("description")} className={inputClass} />}
                      </Field>
                      <div className="grid gap-x-4 sm:grid-cols-2">
                        <Field label="Owner" error={form.formState.errors.owner}>
                          {(a11y) => <input {...a11y} {...form.register("owner")} className={inputClass} />}
                        </Field>
                        <Field label="Due date" error={form.formState.errors.dueDate}>
                          {(a11y) => (
                            <input {...a11y} {...form.register("dueDate")} type="date" className={inputClass} />
                          )}
                        </Field>
                      </div>
                    </>
                  )}
                </EditForm>
              )}
            >
              {a.description} — {a.owner}, due <When value={a.dueDate} />
            </EntryRow>
          ))}
        </ul>
      )}
    </>
  );
}

/** The concerns handed over at the meeting, each editable and removable (with undo) until the minutes are circulated. */
export function ConcernList({
  meeting,
  concerns,
  canChange,
}: {
  meeting: Ref;
  concerns: Concern[];
  canChange: boolean;
}) {
  const trpc = useTRPC();
  const edit = useMutation(trpc.record.editConcern.mutationOptions());
  const change = useChange("everything");
  const remove = useRemoval(meeting, change);
  return (
    <>
      <ChangeStatus change={change} />
      {concerns.length === 0 ? (
        <p className="mb-2">None recorded yet.</p>
      ) : (
        <ul className="mb-4 list-disc pl-6">
          {concerns.map((c) => (
            <EntryRow
              key={c.id}
              summary={c.description}
              canChange={canChange}
              pending={change.pending}
              onRemove={() => remove("concern", c.id)}
              editor={(close) => (
                <EditForm
                  schema={ConcernText}
                  defaults={{ description: c.description, location: c.location, category: c.category }}
                  fields={["description", "location", "category"]}
                  label={`Edit the concern ‘${c.description}’`}
                  close={close}
                  save={(values) => edit.mutateAsync({ ...meeting, concernId: c.id, ...values })}
                >
                  {(form) => (
                    <>
                      <Field label="What is the concern" error={form.formState.errors.description}>
                        {(a11y) => (
                          <textarea {...a11y} {...form.register("description")} rows={2} className={inputClass} />
                        )}
                      </Field>
                      <Field label="Where" error={form.formState.errors.location}>
                        {(a11y) => <input {...a11y} {...form.register("location")} className={inputClass} />}
                      </Field>
                      <Field label="Category" error={form.formState.errors.category}>
                        {(a11y) => (
                          <select {...a11y} {...form.register("category")} className={inputClass}>
                            <ConcernCategoryOptions />
                          </select>
                        )}
                      </Field>
                    </>
                  )}
                </EditForm>
              )}
            >
              {c.description} — {c.location} ({categoryLabel(c.category)})
              {c.hasConsent && c.raisedBy ? `, raised by ${c.raisedBy}` : ""}
            </EntryRow>
          ))}
        </ul>
      )}
    </>
  );
}
