import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { useState } from "react";

import { formatDate } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { ConfirmButton } from "./confirm-button";

type Meeting = RouterOutputs["meetings"]["forWard"][number];

/** Draft meetings still to come, grouped by the series they were scheduled in, earliest series first. */
function draftsBySeries(meetings: Meeting[], now: number): Meeting[][] {
  const groups = new Map<number, Meeting[]>();
  for (const m of meetings) {
    if (m.seriesId === null || m.status !== "draft" || Date.parse(m.startsAt) <= now) continue;
    groups.set(m.seriesId, [...(groups.get(m.seriesId) ?? []), m]);
  }
  return [...groups.values()];
}

/**
 * "Publish all" for each series with drafts still to come: one confirmation that lists every
 * meeting to be advertised, then one change (`meetings.publishSeries`).
 */
export function PublishSeries({ wardCode, meetings }: { wardCode: string; meetings: Meeting[] }) {
  const trpc = useTRPC();
  const change = useChange(trpc.meetings.pathFilter());
  const publish = useMutation(trpc.meetings.publishSeries.mutationOptions());
  // When the page opened: a draft that starts while it is open is refused by the server, with the reason.
  const [openedAt] = useState(() => Date.now());
  const series = draftsBySeries(meetings, openedAt);
  if (series.length === 0 && !change.status) return null;
  return (
    <div className="my-4 grid gap-3">
      <ChangeStatus change={change} />
      {series.map((drafts) => {
        const seriesId = drafts[0]?.seriesId ?? 0;
        const count = `${drafts.length} draft ${drafts.length === 1 ? "meeting" : "meetings"}`;
        return (
          <ConfirmButton
            key={seriesId}
            label={`Publish all ${count} of the series from ${formatDate(drafts[0]?.date ?? "")}`}
            question={
              <>
                <p className="mb-1">The public will see these meetings on the ward page and in calendars:</p>
                <ul className="list-disc pl-6">
                  {drafts.map((m) => (
                    <li key={m.id}>
                      {m.title}: {m.when}
                    </li>
                  ))}
                </ul>
              </>
            }
            confirmLabel={`Yes, publish all ${drafts.length}`}
            onConfirm={() =>
              change.run(() => publish.mutateAsync({ wardCode, seriesId }), {
                done: ({ meetingIds }) =>
                  `${meetingIds.length} ${meetingIds.length === 1 ? "meeting is" : "meetings are"} advertised.`,
              })
            }
          />
        );
      })}
    </div>
  );
}
