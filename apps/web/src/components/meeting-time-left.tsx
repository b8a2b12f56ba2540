import { useEffect, useState } from "react";

import { formatMinutes } from "../lib/dates";
import { When } from "./when";

type Item = { id: number; minutesAllowed: number; secondsUsed: number };

/** The server's clock now, ticking every `everyMs` while `ticking` (offset measured when the view loaded). */
function useServerNow(serverOffsetMs: number, everyMs: number, ticking = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(tick);
  }, [everyMs, ticking]);
  return now + serverOffsetMs;
}

/**
 * Time left in the meeting against the agenda still to come, for the chair: minutes to the advertised
 * end (`endsAt`, an ISO instant) on the server's clock, and the minutes planned for the rest of the
 * current item (its allowance less the seconds used, running since `runningSince` unless paused) and
 * every item after it. Says how far past the end the meeting has run, and by how much the plan
 * overruns the time left.
 */
export function MeetingTimeLeft({
  endsAt,
  serverOffsetMs,
  items,
  currentItemId,
  runningSince,
}: {
  endsAt: string;
  serverOffsetMs: number;
  items: Item[];
  currentItemId: number | null;
  runningSince: string | null;
}) {
  const now = useServerNow(serverOffsetMs, 15_000);
  const minutesLeft = Math.round((Date.parse(endsAt) - now) / 60_000);
  const currentIndex = items.findIndex((i) => i.id === currentItemId);
  const running = runningSince ? Math.max(0, (now - Date.parse(runningSince)) / 1000) : 0;
  const planned = items.slice(Math.max(currentIndex, 0)).reduce((sum, item, index) => {
    const used = index === 0 && currentIndex >= 0 ? item.secondsUsed + running : 0;
    return sum + Math.max(0, item.minutesAllowed * 60 - used);
  }, 0);
  const plannedMinutes = Math.round(planned / 60);
  return (
    <p className="mb-3" data-testid="meeting-time-left">
      {minutesLeft >= 0 ? (
        <>
          <strong>Time left in the meeting: {formatMinutes(minutesLeft)}</strong> (it ends at{" "}
          <When value={endsAt} as="time" />
          ).
        </>
      ) : (
        <strong>
          The meeting is {formatMinutes(-minutesLeft)} past its end time (<When value={endsAt} as="time" />
          ).
        </strong>
      )}{" "}
      The agenda still to come is planned for {formatMinutes(plannedMinutes)}
      {plannedMinutes > Math.max(minutesLeft, 0) && (
        <span className="font-semibold text-red-900">
          , {formatMinutes(plannedMinutes - Math.max(minutesLeft, 0))} more than the time left
        </span>
      )}
      .
    </p>
  );
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** "5 minutes planned, 6:12 used, over by 1:12": an agenda item's plan against the time it took (banked seconds). */
export function ItemTimeSummary({ minutesAllowed, secondsUsed }: { minutesAllowed: number; secondsUsed: number }) {
  const over = secondsUsed - minutesAllowed * 60;
  return (
    <span className={`block text-sm ${over > 0 ? "font-semibold text-red-900" : "text-slate-800"}`}>
      {formatMinutes(minutesAllowed)} planned
      {secondsUsed > 0 && `, ${clock(secondsUsed)} used`}
      {over > 0 && `, over by ${clock(over)}`}
    </span>
  );
}
