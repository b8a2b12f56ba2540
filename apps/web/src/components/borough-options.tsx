import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "../lib/trpc";

/** The options of a borough <select>: an empty choice, then every borough by name. */
export function BoroughOptions({ emptyLabel }: { emptyLabel: string }) {
  const trpc = useTRPC();
  const boroughs = useQuery(trpc.wards.boroughs.queryOptions());
  return (
    <>
      <option value="">{emptyLabel}</option>
      {boroughs.data?.map((b) => (
        <option key={b.code} value={b.code}>
          {b.name}
        </option>
      ))}
    </>
  );
}
