import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { CrimeUpload } from "../components/crime-upload";
import { fetchJson } from "../components/pack-body";
import { PackDraftsForm } from "../components/pack-drafts-form";
import { useTitle, useViewer } from "../lib/use-viewer";

type Imports = { imports: { id: number; kind: "street" | "outcomes"; force: string; month: string; fileName: string; importedAt: string }[] };

/** Sergeants import the monthly police.uk files, then draft the packs for review. */
export function CrimeDataPage() {
  useTitle("Crime data");
  const { viewer } = useViewer();
  const [lastMonth, setLastMonth] = useState<string | null>(null);
  const imports = useQuery({ queryKey: ["crime-imports"], queryFn: () => fetchJson<Imports>("/api/staff/crime-imports"), retry: false });
  const isAdmin = viewer?.roles.some((r) => r.role === "admin") ?? false;
  const sergeantWards = viewer?.roles.filter((r) => r.role === "sergeant" && r.wardCode) ?? [];

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Crime data</h1>
      <p className="mb-6 max-w-2xl">
        Download the month's street-level crime and outcomes files for your force from{" "}
        <a href="https://data.police.uk/data/" className="text-blue-800 underline">data.police.uk</a> and import them here. Importing a month again
        replaces it. A file with a problem is refused whole, with the line to fix, and nothing already imported is lost.
      </p>
      <section aria-labelledby="upload-heading" className="mb-8">
        <h2 id="upload-heading" className="mb-2 text-2xl font-bold">Import a month</h2>
        <CrimeUpload onImported={setLastMonth} />
        {lastMonth && sergeantWards.length > 0 && (
          <p className="mt-4">
            Review your wards' draft packs for {lastMonth}:{" "}
            {sergeantWards.map((r, i) => (
              <span key={r.wardCode}>
                {i > 0 && ", "}
                <Link to={`/staff/wards/${r.wardCode}/packs/${lastMonth}`} className="text-blue-800 underline">{r.wardName ?? r.wardCode}</Link>
              </span>
            ))}
          </p>
        )}
      </section>
      <section aria-labelledby="drafts-heading" className="mb-8">
        <h2 id="drafts-heading" className="mb-2 text-2xl font-bold">Draft packs for many wards</h2>
        <PackDraftsForm initialMonth={lastMonth ?? imports.data?.imports[0]?.month ?? ""} isAdmin={isAdmin} />
      </section>
      <section aria-labelledby="imports-heading">
        <h2 id="imports-heading" className="mb-2 text-2xl font-bold">Recent imports</h2>
        {imports.data && imports.data.imports.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Recent imports, newest first</caption>
              <thead>
                <tr className="border-b-2 border-slate-800">
                  <th scope="col" className="py-2 pr-4">Month</th>
                  <th scope="col" className="py-2 pr-4">File</th>
                  <th scope="col" className="py-2 pr-4">Force</th>
                  <th scope="col" className="py-2">Imported</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.imports.map((i) => (
                  <tr key={i.id} className="border-b border-slate-300">
                    <td className="py-2 pr-4">{i.month}</td>
                    <td className="py-2 pr-4 break-all">{i.fileName} ({i.kind})</td>
                    <td className="py-2 pr-4">{i.force}</td>
                    <td className="py-2">{new Date(i.importedAt).toLocaleString("en-GB", { timeZone: "Europe/London" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No crime data has been imported yet.</p>
        )}
      </section>
    </>
  );
}
