import type { Translate } from "@wardpanel/i18n";
import { CATEGORIES, type Category, categoryLabel } from "@wardpanel/validators";

/**
 * A concern's or priority's category (a police.uk category slug, or `road-safety` / `other`) in the
 * reader's language, from the catalogues' `categories` block: "Ymddygiad gwrthgymdeithasol" for
 * `anti-social-behaviour` on a Welsh page. A free-text value stored before the one list is shown as
 * it was written; null stays null.
 */
export function categoryWords(t: Translate, category: string | null): string | null {
  if (category === null) return null;
  return category in CATEGORIES ? t(`categories.${category as Category}`) : categoryLabel(category);
}

/**
 * Where a priority applies, as the reader reads it: the places written for it, or "the area drawn on
 * the map" in their language when only an area was drawn; empty when neither.
 */
export function priorityWhere(t: Translate, p: { where: string; hasArea: boolean }): string {
  return p.where || (p.hasArea ? t("priorityLibrary.areaOnMap") : "");
}
