import { useTranslation } from "react-i18next";

/** Loading and error states announced to screen readers. */
export function Loading({ what }: { what?: string }) {
  const { t } = useTranslation();
  return <p role="status">{what ?? t("status.loading")}</p>;
}

export function LoadError({ error }: { error: { message: string } }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="font-semibold text-red-900">
      {t("status.loadError", { reason: error.message })}
    </p>
  );
}
