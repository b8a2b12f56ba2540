import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

const STATUS = { none: "Not drafted", draft: "Draft", published: "Published" } as const;

/** A ward's months with crime data and the state of each pack, for its sergeant and chair. */
export function PackStaffListPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const packs = useQuery({ ...trpc.crimePacks.forWard.queryOptions({ wardCode }), retry: false });
  const page = useQuery(trpc.wards.page.queryOptions({ wardCode }));
  const wardName = page.data?.ward.name ?? wardCode;
  useTitle(`${wardName}: monthly packs`);
  if (packs.isLoading) return <Loading />;
  if (packs.error || !packs.data) return <LoadError error={packs.error ?? { message: "No data." }} />;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{wardName}: monthly crime-update packs</h1>
      <p className="mb-4">
        <Link to={`/staff/wards/${wardCode}`} className="text-blue-800 underline">
          Back to the ward
        </Link>
      </p>
      {packs.data.length === 0 ? (
        <p>
          No crime data has been imported for this ward's borough yet. Your force's crime data analysts import each
          month from police.uk.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Months with crime data, newest first</caption>
            <thead>
              <tr className="border-b-2 border-slate-800">
                <th scope="col" className="py-2 pr-4">
                  Month
                </th>
                <th scope="col" className="py-2">
                  Pack
                </th>
              </tr>
            </thead>
            <tbody>
              {packs.data.map((p) => (
                <tr key={p.month} className="border-b border-slate-300">
                  <td className="py-2 pr-4">
                    <Link
                      to={`/staff/wards/${wardCode}/packs/${p.month}`}
                      className="inline-flex min-h-11 items-center text-blue-800 underline"
                    >
                      <When value={p.month} as="month" />
                    </Link>
                  </td>
                  <td className="py-2">{STATUS[p.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
