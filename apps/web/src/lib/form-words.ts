import { readFormMessage } from "@wardpanel/validators";
import type { FieldError } from "react-hook-form";
import { useTranslation } from "react-i18next";

/**
 * The public forms' refusals in the reader's language (docs/translations.md, "Form messages").
 * The schemas in packages/validators and the server write English sentences from `FORM_MESSAGES`;
 * `say` reads one back to its code and values and gives the catalogue's `formMessages.<code>`, or
 * the sentence as it came for one that is not there. `error` does the same to a form field's error.
 */
export function useFormWords() {
  const { t } = useTranslation();
  const say = (text: string): string => {
    const read = readFormMessage(text);
    return read ? t(`formMessages.${read.code}`, { ...read.values, defaultValue: text }) : text;
  };
  const error = (fieldError: FieldError | undefined): FieldError | undefined =>
    fieldError?.message ? { ...fieldError, message: say(fieldError.message) } : fieldError;
  return { say, error };
}
