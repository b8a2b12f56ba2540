import { CATEGORIES, type Category } from "@wardpanel/validators";
import { useTranslation } from "react-i18next";

/** The one category list (police.uk's, and two more), as <option>s for every concern and priority form. */
export function ConcernCategoryOptions() {
  return (
    <>
      {Object.entries(CATEGORIES).map(([slug, label]) => (
        <option key={slug} value={slug}>
          {label}
        </option>
      ))}
    </>
  );
}

/**
 * The same list in the page's language, for the public concern form. Staff forms keep
 * `ConcernCategoryOptions` (English) until their pages are translated.
 */
export function TranslatedCategoryOptions() {
  const { t } = useTranslation();
  return (
    <>
      {(Object.keys(CATEGORIES) as Category[]).map((slug) => (
        <option key={slug} value={slug}>
          {t(`categories.${slug}`)}
        </option>
      ))}
    </>
  );
}
