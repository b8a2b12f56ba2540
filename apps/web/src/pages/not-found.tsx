import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useTranslatedPage } from "../lib/translated-page";
import { useTitle } from "../lib/use-viewer";

/** Any address the app has no page for, in the reader's language. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useTranslatedPage();
  useTitle(t("notFound.title"));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("notFound.title")}</h1>
      <p>
        <Trans i18nKey="notFound.text" components={{ anchor: <Link to="/" className="text-blue-800 underline" /> }} />
      </p>
    </>
  );
}
