import { useEffect, useState } from "react";

import { formatMinutes } from "../lib/dates";

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/**
 * Time used on an item against time allowed. It ticks against the server's clock (offset measured
 * when the view loaded), so a tablet with the wrong time still shows the right figure. `paused`: the
 * chair stopped the clock (`runningSince` is then null and the figure stands still on every device).
 */
export function ItemTimer({
  secondsUsed,
  minutesAllowed,
  runningSince,
  serverOffsetMs,
  paused = false,
}: {
  secondsUsed: number;
  minutesAllowed: number;
  runningSince: string | null;
  serverOffsetMs: number;
  paused?: boolean;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!runningSince) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [runningSince]);
  const running = runningSince ? Math.max(0, Math.floor((now + serverOffsetMs - Date.parse(runningSince)) / 1000)) : 0;
  const used = secondsUsed + running;
  const allowed = minutesAllowed * 60;
  const over = used > allowed;
  return (
    <p className={`text-lg font-semibold ${over ? "text-red-900" : ""}`}>
      <span className="tabular-nums">{clock(used)}</span> used of {formatMinutes(minutesAllowed)} allowed
      {over && <span> — over by {clock(used - allowed)}</span>}
      {paused && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-amber-950">Timer paused</span>}
    </p>
  );
}
