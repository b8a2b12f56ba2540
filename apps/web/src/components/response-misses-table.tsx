import type { RouterOutputs } from "@wardpanel/api";

import { When } from "./when";

type Miss = RouterOutputs["feedAdmin"]["responseMisses"]["misses"][number];

const cell = "p-2 align-top";

/**
 * The misses of the managers' daily report, oldest call first: a table with one row per call,
 * headed by its reference; on a phone, one card per call instead (display: none hides the other
 * from everyone, screen readers included), so nothing needs scrolling sideways (WCAG 1.4.10).
 */
export function ResponseMissesTable({ misses }: { misses: readonly Miss[] }) {
  return (
    <>
      <MissCards misses={misses} />
      <MissTable misses={misses} />
    </>
  );
}

function Arrival({ miss }: { miss: Miss }) {
  return miss.arrivedAt ? (
    <>
      <When value={miss.arrivedAt} as="dateTime" />
      <span className="block text-sm text-slate-700">after {miss.minutesTaken} minutes</span>
    </>
  ) : (
    <>No unit arrived</>
  );
}

function MissCards({ misses }: { misses: readonly Miss[] }) {
  const term = "font-semibold";
  return (
    <ul className="sm:hidden">
      {misses.map((miss) => (
        <li
          key={`${miss.reportedBy}-${miss.callReference}-${miss.priorityId}`}
          className="border-b border-slate-300 py-3"
        >
          <h3 className="font-mono text-lg font-bold break-all">{miss.callReference}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3">
            <dt className={term}>Priority</dt>
            <dd>
              {miss.title}
              <span className="block text-sm text-slate-700">
                {miss.wardName}, {miss.boroughName}
              </span>
            </dd>
            <dt className={term}>Received</dt>
            <dd>
              <When value={miss.receivedAt} as="dateTime" />
            </dd>
            <dt className={term}>Unit arrived</dt>
            <dd>
              <Arrival miss={miss} />
            </dd>
            {miss.minutesOver !== null && (
              <>
                <dt className={term}>Over target</dt>
                <dd>{miss.minutesOver} minutes</dd>
              </>
            )}
            <dt className={term}>Reported by</dt>
            <dd>{miss.reportedBy}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function MissTable({ misses }: { misses: readonly Miss[] }) {
  return (
    <div role="region" aria-labelledby="misses-heading" tabIndex={0} className="hidden overflow-x-auto sm:block">
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
              <th scope="row" className={`${cell} font-mono font-normal`}>
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
                <Arrival miss={miss} />
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
