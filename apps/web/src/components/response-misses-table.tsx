import type { RouterOutputs } from "@wardpanel/api";

import { When } from "./when";

type Miss = RouterOutputs["feedAdmin"]["responseMisses"]["misses"][number];

const cell = "p-2 align-top";

/**
 * The misses of the managers' daily report, oldest call first: one row per call, headed by its
 * reference. Scrolls within itself on a phone rather than widening the page (WCAG 1.4.10), and can
 * be reached by keyboard to scroll.
 */
export function ResponseMissesTable({ misses }: { misses: readonly Miss[] }) {
  return (
    <div role="region" aria-labelledby="misses-heading" tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-slate-800">
            <th scope="col" className={cell}>
              Call
            </th>
            <th scope="col" className={cell}>
              Priority
            </th>
            <th scope="col" className={cell}>
              Received
            </th>
            <th scope="col" className={cell}>
              Unit arrived
            </th>
            <th scope="col" className={`${cell} text-right`}>
              Minutes over target
            </th>
            <th scope="col" className={cell}>
              Reported by
            </th>
          </tr>
        </thead>
        <tbody>
          {misses.map((miss) => (
            <tr
              key={`${miss.reportedBy}-${miss.callReference}-${miss.priorityId}`}
              className="border-b border-slate-300"
            >
              <th scope="row" className={`${cell} font-mono font-normal break-all`}>
                {miss.callReference}
              </th>
              <td className={cell}>
                {miss.title}
                <span className="block text-sm text-slate-700">
                  {miss.wardName}, {miss.boroughName}
                </span>
              </td>
              <td className={cell}>
                <When value={miss.receivedAt} as="dateTime" />
              </td>
              <td className={cell}>
                {miss.arrivedAt ? (
                  <>
                    <When value={miss.arrivedAt} as="dateTime" />
                    <span className="block text-sm text-slate-700">after {miss.minutesTaken} minutes</span>
                  </>
                ) : (
                  "No unit arrived"
                )}
              </td>
              <td className={`${cell} text-right font-semibold`}>{miss.minutesOver ?? "—"}</td>
              <td className={cell}>{miss.reportedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
