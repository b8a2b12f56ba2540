import { skipToken, useQuery } from "@tanstack/react-query";
import type { PoliceForceId } from "@wardpanel/validators";
import { Link } from "react-router";

import { formatMonth } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { LoadError, Loading } from "./status";

/** What was drafted, for the borough's force (`force` and `boroughCode`) or all of London (both null). */
export type DraftedArea = { month: string; force: PoliceForceId; boroughCode: string } | { month: string; force: null };

/**
 * After drafting: links to the drafts to review, only of wards with crimes counted in them that
 * month (a ward with no data has nothing to review), each to the ward's pack review page.
 */
export function PacksToReview({ area }: { area: DraftedArea }) {
  const trpc = useTRPC();
  const inBorough = useQuery(trpc.crimePacks.toReviewInBorough.queryOptions(area.force ? area : skipToken));
  const inLondon = useQuery(trpc.crimePacks.toReviewInLondon.queryOptions(area.force ? skipToken : area));
  const list = area.force ? inBorough : inLondon;
  if (list.isLoading) return <Loading />;
  if (list.error) return <LoadError error={list.error} />;
  const packs = list.data ?? [];
  return (
    <section aria-labelledby="to-review-heading" className="mt-4">
      <h3 id="to-review-heading" className="text-xl font-bold">
        Drafts to review for {formatMonth(area.month)}
      </h3>
      {packs.length === 0 ? (
        <p>No ward has crime data for {formatMonth(area.month)} here, so there is nothing to review.</p>
      ) : (
        <>
          <p>
            {packs.length === 1 ? "1 ward has" : `${packs.length} wards have`} crime data for {formatMonth(area.month)}.
            Wards with none are not listed. Each ward's sergeant reviews and publishes its own.
          </p>
          <ul className="mt-2 columns-1 sm:columns-2">
            {packs.map((p) => (
              <li key={p.wardCode}>
                <Link
                  to={`/staff/wards/${p.wardCode}/packs/${area.month}`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {p.wardName} ({p.boroughName})
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
