import type { RouterOutputs } from "@wardpanel/api";
import { Link } from "react-router";

import { When } from "./when";

export type OversightRow = RouterOutputs["oversight"]["wards"][number];

/** What is wrong with a ward this month, in words. */
export function problemsOf(row: OversightRow): string[] {
  const problems: string[] = [];
  if (row.advertisedThisMonth === 0) problems.push("no meeting advertised this month");
  if (row.advertisedNextMonth === 0) problems.push("no meeting advertised next month");
  if (row.minutesOverdue > 0)
    problems.push(
      `${row.minutesOverdue} ${row.minutesOverdue === 1 ? "meeting" : "meetings"} without minutes after 28 days`,
    );
  if (row.overdueActions > 0)
    problems.push(`${row.overdueActions} overdue ${row.overdueActions === 1 ? "action" : "actions"}`);
  const stale = row.outOfDatePriorities.length;
  if (stale > 0) problems.push(`${stale} ${stale === 1 ? "priority" : "priorities"} out of date`);
  return problems;
}

const problemClass = "font-bold text-red-800";

function Advertised({ count }: { count: number }) {
  return count === 0 ? <span className={problemClass}>None</span> : <span>{count}</span>;
}

function Overdue({ count }: { count: number }) {
  return count > 0 ? <span className={problemClass}>{count} overdue</span> : <span>None</span>;
}

function OutOfDateCount({ row }: { row: OversightRow }) {
  const n = row.outOfDatePriorities.length;
  return n > 0 ? <span className={problemClass}>{n} out of date</span> : <span>None</span>;
}

/** The priorities not reviewed for 90 days, each named with its last review. */
function OutOfDateList({ row }: { row: OversightRow }) {
  if (row.outOfDatePriorities.length === 0) return null;
  return (
    <ul className="mt-1 grid list-disc gap-1 pl-5 text-sm">
      {row.outOfDatePriorities.map((p) => (
        <li key={p.id} className="break-words">
          {p.title}
          {p.lastReviewed && (
            <>
              {" "}
              (last reviewed <When value={p.lastReviewed} />)
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Priorities not reviewed for 90 days: how many, and which, or "None". */
function OutOfDate({ row }: { row: OversightRow }) {
  return (
    <>
      <OutOfDateCount row={row} />
      <OutOfDateList row={row} />
    </>
  );
}

/**
 * The wards with the monthly check's measures; a problem is said in words, never by colour
 * alone. A table on wider screens; on a phone, one card per ward.
 */
export function OversightTable({ rows, caption }: { rows: OversightRow[]; caption: string }) {
  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">{caption}</h2>
      <ul className="grid gap-3 md:hidden">
        {rows.map((row) => {
          const problems = problemsOf(row);
          return (
            <li
              key={row.wardCode}
              className={`rounded border-2 p-3 ${problems.length > 0 ? "border-red-800" : "border-slate-300"}`}
            >
              <h3 className="text-lg font-bold">
                <Link
                  to={`/staff/wards/${row.wardCode}`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {row.wardName}
                </Link>
              </h3>
              <p className="text-sm text-slate-700">{row.boroughName}</p>
              <p className="my-1">
                {problems.length > 0 ? <strong className="text-red-800">Needs attention</strong> : "All in order"}
              </p>
              <dl className="grid grid-cols-[1fr_max-content] gap-x-3 gap-y-1">
                <dt>Meetings advertised this month</dt>
                <dd>
                  <Advertised count={row.advertisedThisMonth} />
                </dd>
                <dt>Meetings advertised next month</dt>
                <dd>
                  <Advertised count={row.advertisedNextMonth} />
                </dd>
                <dt>Meetings without minutes after 28 days</dt>
                <dd>
                  <Overdue count={row.minutesOverdue} />
                </dd>
                <dt>Overdue actions</dt>
                <dd>
                  <Overdue count={row.overdueActions} />
                </dd>
                <dt>Priorities not reviewed for 90 days</dt>
                <dd>
                  <OutOfDateCount row={row} />
                </dd>
              </dl>
              <OutOfDateList row={row} />
            </li>
          );
        })}
      </ul>
      <div className="hidden md:block">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-800 align-bottom">
              <th scope="col" className="py-2 pr-4">
                Ward
              </th>
              <th scope="col" className="py-2 pr-4">
                Meetings advertised this month
              </th>
              <th scope="col" className="py-2 pr-4">
                Meetings advertised next month
              </th>
              <th scope="col" className="py-2 pr-4">
                Meetings without minutes after 28 days
              </th>
              <th scope="col" className="py-2 pr-4">
                Overdue actions
              </th>
              <th scope="col" className="py-2 pr-4">
                Priorities not reviewed for 90 days
              </th>
              <th scope="col" className="py-2">
                Result
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const problems = problemsOf(row);
              return (
                <tr
                  key={row.wardCode}
                  className={`border-b border-slate-300 ${problems.length > 0 ? "bg-red-50" : ""}`}
                >
                  <td className="py-2 pr-4">
                    <Link
                      to={`/staff/wards/${row.wardCode}`}
                      className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
                    >
                      {row.wardName}
                    </Link>
                    <div className="text-sm text-slate-700">{row.boroughName}</div>
                  </td>
                  <td className="py-2 pr-4">
                    <Advertised count={row.advertisedThisMonth} />
                  </td>
                  <td className="py-2 pr-4">
                    <Advertised count={row.advertisedNextMonth} />
                  </td>
                  <td className="py-2 pr-4">
                    <Overdue count={row.minutesOverdue} />
                  </td>
                  <td className="py-2 pr-4">
                    <Overdue count={row.overdueActions} />
                  </td>
                  <td className="py-2 pr-4">
                    <OutOfDate row={row} />
                  </td>
                  <td className="py-2">
                    {problems.length > 0 ? <strong className="text-red-800">Needs attention</strong> : "All in order"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
