import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { InviteForm } from "../components/invite-form";
import { PersonCard } from "../components/person-row";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useTitle, useViewer } from "../lib/use-viewer";

/** Admins: invite people and give or remove their roles. */
export function PeoplePage() {
  useTitle("People and roles");
  const trpc = useTRPC();
  const { isLoading } = useViewer();
  const { isAdmin } = useAccess();
  const people = useQuery({ ...trpc.people.list.queryOptions(), retry: false, enabled: isAdmin });

  if (isLoading) return <Loading />;
  if (!isAdmin || people.error?.data?.code === "FORBIDDEN") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">People and roles</h1>
        <p>Only an admin can manage people and roles.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">People and roles</h1>
      <p className="mb-6">
        <Link to="/staff/personal-data" className="underline">
          Export or erase someone's personal data
        </Link>{" "}
        when they ask.
      </p>
      <InviteForm />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-2 text-2xl font-bold">
          Everyone ({people.data?.length ?? "…"})
        </h2>
        {people.isLoading && <Loading />}
        {people.error && <LoadError error={people.error} />}
        <ul className="grid gap-4 md:grid-cols-2">
          {people.data?.map((person) => (
            <PersonCard key={person.id} person={person} />
          ))}
        </ul>
      </section>
    </>
  );
}
