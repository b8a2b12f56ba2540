import { useTranslation } from "react-i18next";

import { LANGUAGES, switchLanguage } from "../lib/i18n";

/**
 * The language switch in the header, as on GOV.UK's Welsh services: every language by its own
 * name, in its own language (`lang`, WCAG 3.1.2), the current one marked. Choosing one changes
 * the page at once and is remembered in this browser.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  if (LANGUAGES.length < 2) return null;
  return (
    <nav aria-label={t("layout.languages")}>
      <ul className="flex flex-wrap gap-2">
        {LANGUAGES.map(({ code, name }) => (
          <li key={code}>
            <button
              type="button"
              lang={code}
              aria-current={i18n.language === code ? "true" : undefined}
              className={`min-h-11 px-2 text-white underline-offset-4 ${i18n.language === code ? "font-bold" : "underline"}`}
              onClick={() => void switchLanguage(code) /* a missing catalogue falls back to English */}
            >
              {name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
