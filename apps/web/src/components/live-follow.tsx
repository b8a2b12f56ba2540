import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import { useTRPC } from "../lib/trpc";
import { useLiveEvents } from "../lib/use-live-events";

/**
 * Keeps a live meeting's screen following the meeting: every change pushed by the server (current
 * item, timer, attendance and quorum, record, agenda, vote) fetches the meeting's queries again, and
 * so does every reconnection, to catch up. Says so when the connection has dropped.
 */
export function LiveFollow({ wardCode, meetingId }: { wardCode: string; meetingId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    for (const filter of [
      trpc.live.pathFilter(),
      trpc.votes.pathFilter(),
      trpc.attendance.pathFilter(),
      trpc.agenda.pathFilter(),
      trpc.meetings.pathFilter(),
      trpc.minutes.pathFilter(),
    ])
      void queryClient.invalidateQueries(filter);
  }, [queryClient, trpc]);
  const state = useLiveEvents(`/api/live/wards/${wardCode}/meetings/${meetingId}/events`, refresh);
  return (
    <p role="status" data-live-state={state} className="mb-3 text-sm">
      {state === "live" && <span className="text-green-900">This screen follows the meeting as it happens.</span>}
      {state === "reconnecting" && (
        <span className="block rounded border-l-8 border-amber-700 bg-amber-50 p-2 text-base font-semibold text-amber-950">
          Reconnecting… the connection dropped. This screen will catch up when it is back.
        </span>
      )}
    </p>
  );
}
