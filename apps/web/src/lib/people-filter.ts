import type { Role } from "@wardpanel/validators";

/** What the people list is narrowed by; an empty value does not narrow. */
export type PeopleFilter = { text: string; role: Role | ""; boroughCode: string };

type Filterable = {
  name: string;
  email: string;
  roles: { role: Role; wardName: string | null; boroughCode: string | null }[];
};

/**
 * The people matching every part of the filter: `text` (any case, spaces around ignored) inside
 * the name, the e-mail address or the name of a ward they hold a role in; `role` among their roles;
 * `boroughCode` the borough of a ward they hold a role in. Keeps the list's order.
 */
export function filterPeople<P extends Filterable>(people: readonly P[], filter: PeopleFilter): P[] {
  const text = filter.text.trim().toLowerCase();
  return people.filter(
    (p) =>
      (!text ||
        p.name.toLowerCase().includes(text) ||
        p.email.toLowerCase().includes(text) ||
        p.roles.some((r) => r.wardName?.toLowerCase().includes(text))) &&
      (!filter.role || p.roles.some((r) => r.role === filter.role)) &&
      (!filter.boroughCode || p.roles.some((r) => r.boroughCode === filter.boroughCode)),
  );
}
