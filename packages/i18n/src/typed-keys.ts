import type en from "../locales/en.json";

/** The source catalogue's shape: every message key there is. */
export type Catalogue = typeof en;

// Message keys are checked against the English catalogue, in the web app and on the server alike:
// a key that is not there fails to compile.
declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: Catalogue };
  }
}
