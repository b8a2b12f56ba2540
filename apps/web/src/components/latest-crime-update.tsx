import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useTRPC } from "../lib/trpc";
import { LoadError, Loading } from "./status";
import { When } from "./when";

/** The ward's latest published crime update at a glance: its month and headline (the total, against earlier months), with a link. */
export function LatestCrimeUpdate({ wardCode }: { wardCode: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.crimePacks.published.queryOptions({ wardCode }), retry: false });
  const month = list.data?.packs[0]?.month;
  const pack = useQuery({
    // The headline is written by the server from the pack's figures: asked for in the page's language.
    ...trpc.crimePacks.publishedPage.queryOptions({ wardCode, month: month ?? "", language: i18n.language }),
    enabled: month !== undefined,
    retry: false,
  });
  if (list.isLoading || (month && pack.isLoading)) return <Loading what={t("crimeUpdate.loading")} />;
  if (list.error) return <LoadError error={list.error} />;
  if (!month) return <p className="mb-2">{t("crimeUpdate.none")}</p>;
  if (pack.error || !pack.data) return <LoadError error={pack.error ?? { message: "No data." }} />;
  return (
    <div className="mb-3 rounded border-2 border-slate-300 p-3">
      <h3 className="text-lg font-bold">
        <Trans i18nKey="crimeUpdate.latest" components={{ month: <When value={pack.data.month} as="month" /> }} />
      </h3>
      {/* The pack's own headline: the total, and how it compares with earlier months. */}
      <p className="text-lg">{pack.data.headline}</p>
      <p>
        <Link
          to={`/wards/${wardCode}/packs/${pack.data.month}`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          {/* One flex item, so the spaces around the month stay. */}
          <span>
            <Trans i18nKey="crimeUpdate.read" components={{ month: <When value={pack.data.month} as="month" /> }} />
          </span>
        </Link>
      </p>
    </div>
  );
}
