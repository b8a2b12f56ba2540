import { SOURCE_LANGUAGE } from "@wardpanel/i18n";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/** The staff side: signing in, resetting a password, and every page under /staff. */
const STAFF_PATH = /^\/(sign-in|forgot-password|reset-password|staff)(\/|$)/;

/**
 * "Staff pages are in English only for now", in the chosen language, at the top of the staff
 * side's pages (and so before the sign-in form) when a language other than English is chosen:
 * the Welsh header's "Mewngofnodi staff" leads to English pages, and this says why (issue 13).
 * Marked with its own `lang`, since the layout marks untranslated pages' content English.
 */
export function StaffEnglishNotice() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  if (i18n.language === SOURCE_LANGUAGE || !STAFF_PATH.test(pathname)) return null;
  return (
    <p lang={i18n.language} className="mb-4 border-l-4 border-blue-950 bg-slate-100 px-3 py-2 font-semibold">
      {t("layout.staffEnglishOnly")}
    </p>
  );
}
