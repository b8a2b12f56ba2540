import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { useTRPC } from "../lib/trpc";
import { PriorityReview } from "./priority-review";
import { LoadError, Loading } from "./status";

/** The ward page's brief list of current priorities, linking to the full library. */
export function CurrentPriorities({ wardCode }: { wardCode: string }) {
  const trpc = useTRPC();
  const library = useQuery({ ...trpc.priorities.library.queryOptions({ wardCode }), retry: false });
  if (library.isLoading) return <Loading what="Loading the ward's priorities…" />;
  if (library.error || !library.data) return <LoadError error={library.error ?? { message: "No data." }} />;
  const current = library.data.priorities.filter((p) => p.status === "active");
  return (
    <>
      {current.length === 0 ? (
        <p>The panel has no current priorities.</p>
      ) : (
        <ul className="mb-3 grid gap-3">
          {current.map((p) => (
            <li key={p.id} className="border-l-4 border-blue-800 pl-3">
              <h3 className="text-lg font-bold break-words">{p.title}</h3>
              {p.where && <p>Where: {p.where}</p>}
              {p.isCallHandlingFlagged && <p className="font-semibold">60-minute response for calls about this</p>}
              <PriorityReview priority={p} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <Link
          to={`/wards/${wardCode}/priorities`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          All priorities, past and present
        </Link>
      </p>
    </>
  );
}
