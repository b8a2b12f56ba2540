import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { LoadError, Loading } from "../components/status";
import { useWardName, WardText } from "../components/ward-name";
import { When } from "../components/when";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** Every published monthly update of a ward, newest first: the library of past packs. */
export function PackListPage() {
  useTranslatedPage();
  const { t } = useTranslation();
  const nameOf = useWardName();
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.crimePacks.published.queryOptions({ wardCode }), retry: false });
  useTitle(list.data ? t("packList.title", { ward: nameOf(list.data.ward) }) : t("packList.titleLoading"));
  if (list.isLoading) return <Loading />;
  if (list.error || !list.data) return <LoadError error={list.error ?? { message: "No data." }} />;
  const { ward, packs } = list.data;
  return (
    <>
      <p className="text-lg text-slate-700">{ward.boroughName}</p>
      <h1 className="mb-4 text-3xl font-bold">
        <WardText i18nKey="packList.heading" ward={ward} />
      </h1>
      {packs.length === 0 ? (
        <p className="mb-4">{t("packList.none")}</p>
      ) : (
        <ul className="mb-6 list-disc pl-6">
          {packs.map((p) => (
            <li key={p.month}>
              <Link
                to={`/wards/${ward.code}/packs/${p.month}`}
                className="inline-flex min-h-11 items-center text-blue-800 underline"
              >
                <When value={p.month} as="month" />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/wards/${ward.code}/subscribe`} className="text-blue-800 underline">
          {t("packList.byEmail")}
        </Link>
      </p>
    </>
  );
}
