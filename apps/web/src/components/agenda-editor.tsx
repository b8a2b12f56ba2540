import { useMutation, useQuery } from "@tanstack/react-query";
import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import type { AgendaItemFields } from "@wardpanel/validators";
import { useState } from "react";

import { formatMinutes } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { AgendaItemForm, type AgendaPlace } from "./agenda-item-form";
import { ChangeStatus } from "./change-status";
import { ConfirmButton } from "./confirm-button";
import { secondaryButtonClass } from "./field";
import { PaperUpload } from "./paper-upload";
import { PublishedPapers } from "./published-papers";
import { LoadError, Loading } from "./status";
import { When } from "./when";

const sizeInWords = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const NEW_ITEM: AgendaItemFields = { title: "", description: "", presenter: "", minutesAllowed: 5 };

/** "At the start", "After 1. Welcome…", …: where a new item can go, the end last. */
function placesFor(items: { title: string }[]): AgendaPlace[] {
  if (items.length === 0) return [{ value: 0, label: "First item" }];
  return [
    { value: 0, label: `At the start, before 1. ${items[0]?.title ?? ""}` },
    ...items.map((item, index) => ({
      value: index + 1,
      label:
        index === items.length - 1
          ? `At the end, after ${index + 1}. ${item.title}`
          : `After ${index + 1}. ${item.title}`,
    })),
  ];
}

/**
 * The chair's agenda: edit, reorder with buttons (so the keyboard works as well as a mouse),
 * remove with undo, attach papers, and publish a frozen version the public can read.
 */
export function AgendaEditor({
  wardCode,
  meetingId,
  canEdit,
}: {
  wardCode: string;
  meetingId: number;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const ref = { wardCode, meetingId };
  const agenda = useQuery(trpc.agenda.forMeeting.queryOptions(ref));
  const [editing, setEditing] = useState<number | null>(null);
  const change = useChange(trpc.agenda.pathFilter());
  const addItem = useMutation(trpc.agenda.addItem.mutationOptions());
  const updateItem = useMutation(trpc.agenda.updateItem.mutationOptions());
  const moveItem = useMutation(trpc.agenda.moveItem.mutationOptions());
  const removeItem = useMutation(trpc.agenda.removeItem.mutationOptions());
  const restoreItem = useMutation(trpc.agenda.restoreItem.mutationOptions());
  const removePaper = useMutation(trpc.agenda.removePaper.mutationOptions());
  const restorePaper = useMutation(trpc.agenda.restorePaper.mutationOptions());
  const publish = useMutation(trpc.agenda.publish.mutationOptions());
  const run = (make: () => Promise<unknown>, done: string, undo?: () => Promise<unknown>) =>
    change.run(make, { done, undo });

  if (agenda.isLoading) return <Loading />;
  if (agenda.error || !agenda.data) return <LoadError error={agenda.error ?? { message: "No agenda." }} />;
  const { items, carriedOverActions, reviewsDue, published, publishedPapers } = agenda.data;
  const meetingStatus = agenda.data.meeting.status;
  const editable = canEdit && MEETING_LIFECYCLE.allows(meetingStatus, "editAgenda");

  return (
    <>
      <p className="mb-2">
        {published ? (
          <>
            Version {published.version} published <When value={published.publishedAt} as="dateTime" />. Changes you make
            now are not public until you publish again.
          </>
        ) : (
          "The agenda has not been published yet."
        )}
      </p>
      <ChangeStatus change={change} />
      <ol className="mb-4 grid gap-3">
        {items.map((item, index) => (
          <li key={item.id} className="rounded border-2 border-slate-300 p-3">
            {editing === item.id ? (
              <AgendaItemForm
                initial={{
                  title: item.title,
                  description: item.description,
                  presenter: item.presenter,
                  minutesAllowed: item.minutesAllowed,
                }}
                submitLabel="Save item"
                onCancel={() => setEditing(null)}
                onSubmit={async (fields) => {
                  await updateItem.mutateAsync({ ...ref, itemId: item.id, ...fields });
                  setEditing(null);
                  await change.done(`Saved “${fields.title}”.`);
                }}
              />
            ) : (
              <>
                <h3 className="font-bold">
                  {index + 1}. {item.title}
                </h3>
                {item.description && <p>{item.description}</p>}
                <p className="text-slate-800">
                  {[item.presenter && `Presenter: ${item.presenter}`, formatMinutes(item.minutesAllowed)]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {item.kind === "previous_minutes" && (
                  <div className="mt-2 border-l-4 border-blue-800 pl-3">
                    <p className="font-semibold">
                      Matters arising:{" "}
                      {carriedOverActions.length === 0
                        ? "no open actions carried over"
                        : `${carriedOverActions.length} open ${carriedOverActions.length === 1 ? "action" : "actions"} carried over`}
                    </p>
                    <ul className="list-disc pl-6">
                      {carriedOverActions.map((a) => (
                        <li key={a.id}>
                          {a.description} ({a.owner}, due <When value={a.dueDate} />)
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {item.kind === "report_back" && reviewsDue.length > 0 && (
                  <div className="mt-2 border-l-4 border-amber-700 pl-3">
                    <p className="font-semibold">Priorities due for review</p>
                    <ul className="list-disc pl-6">
                      {reviewsDue.map((p) => (
                        <li key={p.id}>
                          {p.title} (review date <When value={p.reviewDate} />)
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {item.papers.length > 0 && (
                  <ul className="mt-2 grid gap-1">
                    {item.papers.map((paper) => (
                      <li key={paper.id} className="flex flex-wrap items-center gap-2">
                        <a
                          href={`/api/wards/${wardCode}/meetings/${meetingId}/papers/${paper.id}`}
                          className="text-blue-800 underline"
                        >
                          {paper.fileName}
                        </a>
                        <span className="text-slate-700">({sizeInWords(paper.size)})</span>
                        {editable && (
                          <button
                            aria-label={`Remove ${paper.fileName}`}
                            type="button"
                            className="min-h-11 text-blue-800 underline"
                            onClick={() =>
                              run(
                                () => removePaper.mutateAsync({ ...ref, paperId: paper.id }),
                                `Removed ${paper.fileName}.`,
                                () => restorePaper.mutateAsync({ ...ref, paperId: paper.id }),
                              )
                            }
                          >
                            Remove
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {editable && (
                  <>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <button
                        aria-label={`Move up: ${item.title}`}
                        type="button"
                        className={secondaryButtonClass}
                        disabled={index === 0}
                        onClick={() =>
                          run(
                            () => moveItem.mutateAsync({ ...ref, itemId: item.id, direction: "up" }),
                            `Moved “${item.title}” up.`,
                          )
                        }
                      >
                        Move up
                      </button>
                      <button
                        aria-label={`Move down: ${item.title}`}
                        type="button"
                        className={secondaryButtonClass}
                        disabled={index === items.length - 1}
                        onClick={() =>
                          run(
                            () => moveItem.mutateAsync({ ...ref, itemId: item.id, direction: "down" }),
                            `Moved “${item.title}” down.`,
                          )
                        }
                      >
                        Move down
                      </button>
                      <button
                        aria-label={`Edit: ${item.title}`}
                        type="button"
                        className={secondaryButtonClass}
                        onClick={() => setEditing(item.id)}
                      >
                        Edit
                      </button>
                      <button
                        aria-label={`Remove: ${item.title}`}
                        type="button"
                        className={secondaryButtonClass}
                        onClick={() =>
                          run(
                            () => removeItem.mutateAsync({ ...ref, itemId: item.id }),
                            `Removed “${item.title}”.`,
                            () => restoreItem.mutateAsync({ ...ref, itemId: item.id }),
                          )
                        }
                      >
                        Remove
                      </button>
                    </div>
                    <PaperUpload wardCode={wardCode} meetingId={meetingId} itemId={item.id} itemTitle={item.title} />
                  </>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      <PublishedPapers wardCode={wardCode} meetingId={meetingId} papers={publishedPapers} canWithdraw={canEdit} />
      {editable && (
        <>
          <details className="mb-4 rounded border-2 border-slate-300 p-3">
            <summary className="min-h-11 cursor-pointer content-center font-semibold">Add an item</summary>
            <div className="mt-3">
              <AgendaItemForm
                initial={NEW_ITEM}
                submitLabel="Add the item"
                places={placesFor(items)}
                onSubmit={async (fields, position) => {
                  const { itemId } = await addItem.mutateAsync({ ...ref, ...fields, position });
                  const before = items[position ?? items.length];
                  await change.done(
                    before
                      ? `Added “${fields.title}” before “${before.title}”.`
                      : `Added “${fields.title}” at the end.`,
                    () => removeItem.mutateAsync({ ...ref, itemId }),
                  );
                }}
              />
            </div>
          </details>
          {MEETING_LIFECYCLE.allows(meetingStatus, "publishAgenda") ? (
            <ConfirmButton
              label={published ? "Publish a new version of the agenda" : "Publish the agenda"}
              question={
                <p>
                  The public will see this agenda and its papers on the ward page. Later changes need publishing again.
                </p>
              }
              confirmLabel="Yes, publish the agenda"
              onConfirm={() => run(() => publish.mutateAsync(ref), "The agenda is published.")}
            />
          ) : (
            <p>{MEETING_LIFECYCLE.refusal(meetingStatus, "publishAgenda")}.</p>
          )}
        </>
      )}
    </>
  );
}
