import type { RouterOutputs } from "@wardpanel/api";

import { When } from "./when";

type Stats = RouterOutputs["feedAdmin"]["wardResponses"];
type Share = Pick<Stats["byWard"][number], "reported" | "attendedInTime" | "notAttended" | "share">;

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const when = (date: Date | string) => <When value={date} as="dateTime" />;

function ShareTable({
  caption,
  rows,
  targetMinutes,
}: {
  caption: string;
  rows: (Share & { key: string; label: string })[];
  targetMinutes: number;
}) {
  // Scrolls within itself on a phone rather than widening the page (WCAG 1.4.10), reachable by keyboard to scroll.
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-800">
            <th scope="col" className="p-2">
              Name
            </th>
            <th scope="col" className="p-2 text-right">
              Calls reported
            </th>
            <th scope="col" className="p-2 text-right">
              Attended within {targetMinutes} minutes
            </th>
            <th scope="col" className="p-2 text-right">
              Share
            </th>
            <th scope="col" className="p-2 text-right">
              No unit arrived
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-300">
              <th scope="row" className="p-2 font-semibold">
                {row.label}
              </th>
              <td className="p-2 text-right">{row.reported}</td>
              <td className="p-2 text-right">{row.attendedInTime}</td>
              <td className="p-2 text-right font-semibold">{percent(row.share)}</td>
              <td className="p-2 text-right">{row.notAttended}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The response record against the force's target (`stats.targetMinutes`): shares per priority, ward and borough, then each miss. */
export function ResponseStatsView({ stats, showAreas }: { stats: Stats; showAreas: boolean }) {
  if (stats.byPriority.length === 0)
    return <p>No control room has reported calls for these priorities in this period.</p>;
  return (
    <>
      {showAreas && (
        <ShareTable
          caption="By borough"
          targetMinutes={stats.targetMinutes}
          rows={stats.byBorough.map((b) => ({ ...b, key: b.boroughCode, label: b.boroughName }))}
        />
      )}
      {showAreas && (
        <ShareTable
          caption="By ward"
          targetMinutes={stats.targetMinutes}
          rows={stats.byWard.map((w) => ({ ...w, key: w.wardCode, label: w.wardName }))}
        />
      )}
      <ShareTable
        caption="By priority"
        targetMinutes={stats.targetMinutes}
        rows={stats.byPriority.map((p) => ({ ...p, key: String(p.priorityId), label: `${p.title} (${p.wardName})` }))}
      />
      <section aria-labelledby="misses-heading">
        <h2 id="misses-heading" className="mb-2 text-xl font-bold">
          Calls not attended within {stats.targetMinutes} minutes ({stats.misses.length})
        </h2>
        {stats.misses.length === 0 ? (
          <p>None: every reported call was attended within {stats.targetMinutes} minutes.</p>
        ) : (
          <div role="region" aria-labelledby="misses-heading" tabIndex={0} className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-slate-800">
                  <th scope="col" className="p-2">
                    Call
                  </th>
                  <th scope="col" className="p-2">
                    Priority
                  </th>
                  <th scope="col" className="p-2">
                    Received
                  </th>
                  <th scope="col" className="p-2">
                    Unit arrived
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.misses.map((miss) => (
                  <tr key={`${miss.callReference}-${miss.priorityId}`} className="border-b border-slate-300">
                    <th scope="row" className="p-2 font-mono font-normal">
                      {miss.callReference}
                    </th>
                    <td className="p-2">{miss.title}</td>
                    <td className="p-2">{when(miss.receivedAt)}</td>
                    <td className="p-2">
                      {miss.arrivedAt ? (
                        <>
                          {when(miss.arrivedAt)} ({miss.minutesToArrive} minutes)
                        </>
                      ) : (
                        "No unit arrived"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
