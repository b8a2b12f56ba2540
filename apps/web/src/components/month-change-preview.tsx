import type { RouterOutputs } from "@wardpanel/api";

import { When } from "./when";

/** What replacing (or restoring) a force's month would change; the server's MonthChange. */
export type MonthChange = RouterOutputs["crimeData"]["restorePreview"];

const LARGEST = 10;

/** "1 row", "4761 rows". */
export const rowsInWords = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

function WardTable({ wards, caption }: { wards: MonthChange["wards"]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-800">
            <th scope="col" className="py-1 pr-4">
              Ward
            </th>
            <th scope="col" className="py-1 pr-4 text-right">
              Now
            </th>
            <th scope="col" className="py-1 text-right">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {wards.map((w) => (
            <tr key={w.wardCode} className="border-b border-slate-300">
              <th scope="row" className="py-1 pr-4 font-normal">
                {w.wardName} <span className="text-slate-700">({w.boroughName})</span>
              </th>
              <td className="py-1 pr-4 text-right">{w.before}</td>
              <td className="py-1 text-right">{w.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows before and after, and the wards whose figures change (largest first; the rest behind a disclosure). */
export function MonthChangePreview({ change }: { change: MonthChange }) {
  const rest = change.wards.slice(LARGEST);
  return (
    <div>
      <p className="mb-2">
        <strong>
          {change.force}, <When value={change.month} as="month" />: {rowsInWords(change.rowsBefore)} held now,{" "}
          {rowsInWords(change.rowsAfter)} after.
        </strong>{" "}
        Not in any ward: {change.outsideWards.before} now, {change.outsideWards.after} after. {change.wards.length}{" "}
        {change.wards.length === 1 ? "ward's count changes" : "wards' counts change"}; {change.wardsUnchanged} stay the
        same.
      </p>
      {change.wards.length > 0 && (
        <>
          <WardTable
            wards={change.wards.slice(0, LARGEST)}
            caption={`Wards whose crime count changes${rest.length > 0 ? `, the ${LARGEST} largest changes` : ""}`}
          />
          {rest.length > 0 && (
            <details className="mt-2">
              <summary className="min-h-11 cursor-pointer content-center font-semibold">
                The other {rest.length} wards that change
              </summary>
              <WardTable wards={rest} caption="The other wards whose crime count changes" />
            </details>
          )}
        </>
      )}
    </div>
  );
}
