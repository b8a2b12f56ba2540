export { type CatalogueTree, flatten, type LanguageInfo, languageOf, languagesOf, SOURCE_LANGUAGE } from "./catalogue";
export { catalogueProblems, pluralCategories } from "./catalogue-problems";
export { chooseLanguage } from "./choose-language";
export { MONTH_KEYS, WEEKDAY_KEYS } from "./date-keys";
export type { Catalogue } from "./typed-keys";
/** A translate function for one language: `t("block.key", { placeholder })`. */
export { ownerWords, roleWords } from "./role-words";
export type { TFunction as Translate } from "i18next";
