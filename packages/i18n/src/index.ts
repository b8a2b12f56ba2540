export { type CatalogueTree, flatten, type LanguageInfo, languageOf, languagesOf, SOURCE_LANGUAGE } from "./catalogue";
export { catalogueProblems, pluralCategories } from "./catalogue-problems";
export { chooseLanguage } from "./choose-language";
