import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { BackLink } from "../components/back-link";
import { PriorityCard } from "../components/priority-card";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** The ward's library of priorities: current ones first, then every past one and how it ended. */
export function PriorityLibraryPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const library = useQuery({ ...trpc.priorities.library.queryOptions({ wardCode }), retry: false });
  // The boundary for the small area maps; the library reads fine without it.
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  useTitle(library.data ? `Priorities in ${library.data.ward.name} ward` : "Priorities");

  const code = library.error?.data?.code;
  if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Ward not found</h1>
        <p>
          There is no ward with the code {wardCode}.{" "}
          <Link to="/" className="text-blue-800 underline">
            Find your ward
          </Link>{" "}
          by name instead.
        </p>
      </>
    );
  }
  if (library.isLoading) return <Loading />;
  if (library.error || !library.data) return <LoadError error={library.error ?? { message: "No data." }} />;

  const { ward, priorities } = library.data;
  const current = priorities.filter((p) => p.status === "active");
  const past = priorities.filter((p) => p.status !== "active");
  const boundary = page.data?.ward.boundary ?? null;
  const card = (p: (typeof priorities)[number]) => (
    <PriorityCard key={p.id} priority={p} wardCode={ward.code} wardName={ward.name} boundary={boundary} />
  );

  return (
    <>
      <BackLink to={`/wards/${ward.code}`}>{`Back to ${ward.name} ward`}</BackLink>
      <p className="text-lg text-slate-700">
        {ward.name} ward, {ward.boroughName}
      </p>
      <h1 className="mb-4 text-3xl font-bold">Local priorities, past and present</h1>
      <p className="mb-6 max-w-prose">
        The ward panel agrees these priorities with the Safer Neighbourhoods Team at its public meetings, by a vote
        anyone can check. Each month the team reports what it did and what changed.
      </p>

      <section aria-labelledby="current-heading" className="mb-8">
        <h2 id="current-heading" className="mb-3 text-2xl font-bold">
          Current priorities
        </h2>
        {current.length === 0 ? <p>The panel has no current priorities.</p> : current.map(card)}
      </section>

      <section aria-labelledby="past-heading" className="mb-8">
        <h2 id="past-heading" className="mb-3 text-2xl font-bold">
          Past priorities
        </h2>
        {past.length === 0 ? <p>No priorities have ended yet.</p> : past.map(card)}
      </section>

      <section aria-labelledby="developers-heading">
        <h2 id="developers-heading" className="mb-2 text-2xl font-bold">
          For developers
        </h2>
        <p className="max-w-prose">
          These priorities are also published in the data.police.uk neighbourhood priorities format, so tools that read
          that API can read ours:{" "}
          <a href={`/api/metropolitan/${ward.code}/priorities`} className="break-all font-mono text-blue-800 underline">
            /api/metropolitan/{ward.code}/priorities
          </a>
        </p>
      </section>
    </>
  );
}
