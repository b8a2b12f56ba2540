import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { PackBody } from "../components/pack-body";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** The public monthly crime and policing update of a ward (Policing Pledge point 8). */
export function PackPage() {
  const { wardCode = "", month = "" } = useParams();
  const trpc = useTRPC();
  const pack = useQuery({ ...trpc.crimePacks.publishedPage.queryOptions({ wardCode, month }), retry: false });
  useTitle(pack.data?.title ?? "Crime and policing update");

  if (pack.isLoading) return <Loading />;
  // A month that is not published, or a path that is not a ward and month at all.
  if (pack.error?.data?.code === "NOT_FOUND" || pack.error?.data?.code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">No update for this month</h1>
        <p>
          This ward has no published crime and policing update for <When value={month} as="month" />.{" "}
          <Link to={`/wards/${wardCode}/packs`} className="text-blue-800 underline">
            See the updates that are published
          </Link>
          .
        </p>
      </>
    );
  }
  if (pack.error || !pack.data) return <LoadError error={pack.error ?? { message: "No data." }} />;
  const p = pack.data;
  return (
    <article>
      <p className="text-lg text-slate-700">
        <Link to={`/wards/${p.ward.code}`} className="text-blue-800 underline print:no-underline">
          {p.ward.name} ward
        </Link>
        , {p.ward.boroughName}
      </p>
      <h1 className="mb-4 text-3xl font-bold">{p.title}</h1>
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2 print:hidden">
        <li>
          <a href={p.pdfPath} className="inline-flex min-h-11 items-center text-blue-800 underline">
            Download the PDF (A4)
          </a>
        </li>
        <li>
          <Link
            to={`/wards/${p.ward.code}/subscribe`}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            Get these updates by e-mail
          </Link>
        </li>
        <li>
          <Link
            to={`/wards/${p.ward.code}/packs`}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            Other months
          </Link>
        </li>
      </ul>
      <PackBody html={p.html} map={p.map} />
    </article>
  );
}
