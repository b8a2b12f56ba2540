import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "../lib/trpc";

/**
 * The options of a borough <select>: an empty choice, then every borough by name (only those in
 * `only`, borough codes, when given: a borough admin's boroughs).
 */
export function BoroughOptions({ emptyLabel, only }: { emptyLabel: string; only?: readonly string[] | null }) {
  const trpc = useTRPC();
  const boroughs = useQuery(trpc.wards.boroughs.queryOptions());
  return (
    <>
      <option value="">{emptyLabel}</option>
      {boroughs.data
        ?.filter((b) => !only || only.includes(b.code))
        .map((b) => (
          <option key={b.code} value={b.code}>
            {b.name}
          </option>
        ))}
    </>
  );
}
