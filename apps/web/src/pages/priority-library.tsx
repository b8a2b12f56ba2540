import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { BackLink } from "../components/back-link";
import { PriorityCard } from "../components/priority-card";
import { LoadError, Loading } from "../components/status";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** The ward's library of priorities: current ones first, then every past one and how it ended. */
export function PriorityLibraryPage() {
  const { wardCode = "" } = useParams();
  const { t } = useTranslation();
  useTranslatedPage();
  const trpc = useTRPC();
  // The priorities API answers under the deployment's own force (POLICE_FORCE_ID), the first of these.
  const localForces = useQuery({ ...trpc.site.localForces.queryOptions(), staleTime: Infinity });
  const forceId = localForces.data?.[0] ?? "metropolitan";
  const library = useQuery({ ...trpc.priorities.library.queryOptions({ wardCode }), retry: false });
  // The boundary for the small area maps; the library reads fine without it.
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  useTitle(
    library.data ? t("priorityLibrary.title", { ward: library.data.ward.name }) : t("priorityLibrary.titleNoWard"),
  );

  const code = library.error?.data?.code;
  if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("wardPage.notFound")}</h1>
        <p>
          <Trans
            i18nKey="wardPage.noSuchWard"
            values={{ code: wardCode }}
            components={{ find: <Link to="/" className="text-blue-800 underline" /> }}
          />
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
      <BackLink to={`/wards/${ward.code}`}>{t("priorityLibrary.back", { ward: ward.name })}</BackLink>
      <p className="text-lg text-slate-700">
        {t("priorityLibrary.wardInBorough", { ward: ward.name, borough: ward.boroughName })}
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("priorityLibrary.heading")}</h1>
      <p className="mb-6 max-w-prose">{t("priorityLibrary.intro")}</p>

      <section aria-labelledby="current-heading" className="mb-8">
        <h2 id="current-heading" className="mb-3 text-2xl font-bold">
          {t("priorityLibrary.currentHeading")}
        </h2>
        {current.length === 0 ? <p>{t("priorityLibrary.noneCurrent")}</p> : current.map(card)}
      </section>

      <section aria-labelledby="past-heading" className="mb-8">
        <h2 id="past-heading" className="mb-3 text-2xl font-bold">
          {t("priorityLibrary.pastHeading")}
        </h2>
        {past.length === 0 ? <p>{t("priorityLibrary.nonePast")}</p> : past.map(card)}
      </section>

      <section aria-labelledby="developers-heading">
        <h2 id="developers-heading" className="mb-2 text-2xl font-bold">
          {t("priorityLibrary.developersHeading")}
        </h2>
        <p className="max-w-prose">
          {t("priorityLibrary.developers")}{" "}
          <a href={`/api/${forceId}/${ward.code}/priorities`} className="break-all font-mono text-blue-800 underline">
            /api/{forceId}/{ward.code}/priorities
          </a>
        </p>
      </section>
    </>
  );
}
