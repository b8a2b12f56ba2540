import { useQuery } from "@tanstack/react-query";
import { POLICE_FORCES } from "@wardpanel/validators";
import { useState } from "react";

import { CrimeImportLog } from "../components/crime-import-log";
import { CrimeUpload } from "../components/crime-upload";
import { PackDraftsForm } from "../components/pack-drafts-form";
import { Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useTitle, useViewer } from "../lib/use-viewer";

/**
 * A police force's crime data: its analysts (and admins) import the monthly police.uk files,
 * replace a month only after seeing what changes, read the import log, restore a replaced month,
 * and draft packs for many wards at once. Everyone else is told who does this.
 */
export function CrimeDataPage() {
  useTitle("Crime data");
  const { isLoading } = useViewer();
  const access = useAccess();
  const [lastMonth, setLastMonth] = useState<string | null>(null);
  const trpc = useTRPC();
  // An admin may import for any force; the page offers the forces that police this site's wards.
  const local = useQuery(trpc.site.localForces.queryOptions());
  const forces = POLICE_FORCES.filter(
    (f) => access.forcesWhereMay("importCrimeData").includes(f.id) && (!access.isAdmin || local.data?.includes(f.id)),
  );
  const mayDraftPacks = access.forcesWhereMay("draftPacksAcrossWards").length > 0;
  // The drafts form starts at the month last imported for the first force shown.
  const latest = useQuery({
    ...trpc.crimeData.imports.queryOptions({ force: forces[0]?.id ?? "metropolitan" }),
    enabled: forces.length > 0,
  });

  if (isLoading || local.isLoading) return <Loading />;
  if (forces.length === 0) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Crime data</h1>
        <p className="max-w-2xl">
          A police.uk month covers every ward a force polices, so it is imported by the force's crime data analysts or
          an admin. Once a month is imported, each ward's sergeant reviews and publishes its monthly crime update from
          the ward's page.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Crime data</h1>
      <p className="mb-6 max-w-2xl">
        Download the month's street-level crime and outcomes files for your force from{" "}
        <a href="https://data.police.uk/data/" className="text-blue-800 underline">
          data.police.uk
        </a>{" "}
        and import them here. A file with a problem is refused whole, with the line to fix, and nothing already imported
        is lost. Importing a month that is already held shows what would change and asks you to confirm; the rows
        replaced are kept, so you can restore them.
      </p>
      <section aria-labelledby="upload-heading" className="mb-8">
        <h2 id="upload-heading" className="mb-2 text-2xl font-bold">
          Import a month
        </h2>
        <CrimeUpload onImported={setLastMonth} />
      </section>
      {mayDraftPacks && (
        <section aria-labelledby="drafts-heading" className="mb-8">
          <h2 id="drafts-heading" className="mb-2 text-2xl font-bold">
            Draft packs for many wards
          </h2>
          <PackDraftsForm initialMonth={lastMonth ?? latest.data?.[0]?.month ?? ""} isAdmin={access.isAdmin} />
        </section>
      )}
      {forces.map((force) => (
        <section key={force.id} aria-labelledby={`log-${force.id}`} className="mb-8">
          <h2 id={`log-${force.id}`} className="mb-2 text-2xl font-bold">
            Import log: {force.name}
          </h2>
          <CrimeImportLog force={force.id} />
        </section>
      ))}
    </>
  );
}
