import "i18next";

import type en from "@wardpanel/i18n/locales/en.json";

// Message keys are checked against the English catalogue: a key that is not there fails to compile.
declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
