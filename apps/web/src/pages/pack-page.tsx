import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { PackBody } from "../components/pack-body";
import { LoadError, Loading } from "../components/status";
import { WardText } from "../components/ward-name";
import { When } from "../components/when";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/**
 * The public monthly crime and policing update of a ward (Policing Pledge point 8), in the page's
 * language: the server writes the pack's body, title and PDF link in the language asked for (the
 * same view model as the PDF and e-mail), and the page's own words come from the catalogues.
 */
export function PackPage() {
  useTranslatedPage();
  const { t, i18n } = useTranslation();
  const { wardCode = "", month = "" } = useParams();
  const trpc = useTRPC();
  const pack = useQuery({
    ...trpc.crimePacks.publishedPage.queryOptions({ wardCode, month, language: i18n.language }),
    retry: false,
  });
  useTitle(pack.data?.title ?? t("packPage.pageTitle"));

  if (pack.isLoading) return <Loading />;
  // A month that is not published, or a path that is not a ward and month at all.
  if (pack.error?.data?.code === "NOT_FOUND" || pack.error?.data?.code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("packPage.notFoundHeading")}</h1>
        <p>
          <Trans i18nKey="packPage.notFound" components={{ month: <When value={month} as="month" /> }} />{" "}
          <Link to={`/wards/${wardCode}/packs`} className="text-blue-800 underline">
            {t("packPage.seePublished")}
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
          <WardText i18nKey="packPage.wardLink" ward={p.ward} />
        </Link>
        , {p.ward.boroughName}
      </p>
      <h1 className="mb-4 text-3xl font-bold">{p.title}</h1>
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2 print:hidden">
        <li>
          <a href={p.pdfPath} className="inline-flex min-h-11 items-center text-blue-800 underline">
            {t("packPage.downloadPdf")}
          </a>
        </li>
        <li>
          <Link
            to={`/wards/${p.ward.code}/subscribe`}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {t("packPage.byEmail")}
          </Link>
        </li>
        <li>
          <Link
            to={`/wards/${p.ward.code}/packs`}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {t("packPage.otherMonths")}
          </Link>
        </li>
      </ul>
      <PackBody html={p.html} map={p.map} />
    </article>
  );
}
