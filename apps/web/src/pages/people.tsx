import { useQuery } from "@tanstack/react-query";
import { ROLE_LABELS, ROLES } from "@wardpanel/validators";
import { useId, useState } from "react";
import { Link } from "react-router";

import { BoroughOptions } from "../components/borough-options";
import { inputClass } from "../components/field";
import { InviteForm } from "../components/invite-form";
import { PersonCard } from "../components/person-row";
import { LoadError, Loading } from "../components/status";
import { filterPeople, type PeopleFilter } from "../lib/people-filter";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useTitle, useViewer } from "../lib/use-viewer";

/** Admins: invite people, find them (by name, e-mail or ward, role, borough) and give or remove their roles. */
export function PeoplePage() {
  useTitle("People and roles");
  const trpc = useTRPC();
  const { isLoading } = useViewer();
  const { isAdmin, isAnyAdmin } = useAccess();
  const people = useQuery({ ...trpc.people.list.queryOptions(), retry: false, enabled: isAnyAdmin });
  const id = useId();
  const [filter, setFilter] = useState<PeopleFilter>({ text: "", role: "", boroughCode: "" });
  const shown = people.data ? filterPeople(people.data, filter) : [];
  const narrowed = filter.text.trim() !== "" || filter.role !== "" || filter.boroughCode !== "";

  if (isLoading) return <Loading />;
  if (!isAnyAdmin || people.error?.data?.code === "FORBIDDEN") {
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
      {isAdmin ? (
        <p className="mb-6">
          <Link to="/staff/personal-data" className="underline">
            Export or erase someone's personal data
          </Link>{" "}
          when they ask.
        </p>
      ) : (
        <p className="mb-6">
          You are a borough admin: you see the people with roles in your borough, and give roles for its wards.
        </p>
      )}
      <InviteForm />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="mb-2 text-2xl font-bold">
          Everyone ({people.data?.length ?? "…"})
        </h2>
        <div role="search" aria-label="Find people" className="mb-4 grid max-w-3xl gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={`${id}-text`} className="block font-semibold">
              Name, e-mail or ward
            </label>
            <input
              id={`${id}-text`}
              type="search"
              value={filter.text}
              onChange={(e) => setFilter({ ...filter, text: e.target.value })}
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor={`${id}-role`} className="block font-semibold">
              Role
            </label>
            <select
              id={`${id}-role`}
              value={filter.role}
              onChange={(e) => setFilter({ ...filter, role: ROLES.find((r) => r === e.target.value) ?? "" })}
              className={inputClass}
            >
              <option value="">Any role</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-borough`} className="block font-semibold">
              Borough
            </label>
            <select
              id={`${id}-borough`}
              value={filter.boroughCode}
              onChange={(e) => setFilter({ ...filter, boroughCode: e.target.value })}
              className={inputClass}
            >
              <BoroughOptions emptyLabel="Any borough" />
            </select>
          </div>
        </div>
        {people.isLoading && <Loading />}
        {people.error && <LoadError error={people.error} />}
        {people.data && (
          <p role="status" className="mb-2">
            {narrowed
              ? `${shown.length === 1 ? "1 person matches" : `${shown.length} people match`}.`
              : `Showing all ${shown.length === 1 ? "1 person" : `${shown.length} people`}.`}
          </p>
        )}
        <ul className="grid gap-4 md:grid-cols-2">
          {shown.map((person) => (
            <PersonCard key={person.id} person={person} />
          ))}
        </ul>
      </section>
    </>
  );
}
