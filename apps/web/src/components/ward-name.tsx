import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

import { wardName, type WardNames } from "../lib/ward-name";

/** Stands in for the ward's name while a message is translated, then is split on: no catalogue holds it. */
const MARK = "\u2063ward\u2063";

/** The page's language and a ward's name for it: for titles and attributes, where only text goes. */
export function useWardName(): (ward: WardNames) => string {
  const { i18n } = useTranslation();
  return (ward) => wardName(ward, i18n.resolvedLanguage ?? i18n.language).text;
}

/**
 * A catalogue message with the ward's name in place of `{{ward}}`, the name in the page's language
 * (wardName). When the name shown is in another language than the page (a Welsh page of a ward
 * with no Welsh name held), it is marked with its own `lang`, so a screen reader says it right.
 */
export function WardText({
  i18nKey,
  ward,
  values = {},
}: {
  i18nKey: ParseKeys;
  ward: WardNames;
  values?: Record<string, string | number>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const shown = wardName(ward, language);
  const [before = "", ...rest] = t(i18nKey, { ...values, ward: MARK }).split(MARK);
  const name = shown.lang === language ? shown.text : <span lang={shown.lang}>{shown.text}</span>;
  return (
    <>
      {before}
      {rest.length > 0 && name}
      {rest.join(shown.text)}
    </>
  );
}
