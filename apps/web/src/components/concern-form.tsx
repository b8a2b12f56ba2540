import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { PublicConcernInput } from "@wardpanel/validators";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";

import { useFormWords } from "../lib/form-words";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { TranslatedCategoryOptions } from "./concern-category-options";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";
import type { Geometry } from "./map-projection";
import { PointPicker } from "./point-picker";

/** The form's own fields: the ward comes from the page and `openedAt` from when the form was shown. */
const ConcernFormSchema = PublicConcernInput.omit({ wardCode: true, openedAt: true, language: true });
type ConcernValues = z.input<typeof ConcernFormSchema>;
// lon and lat are left out: an error about the point has no field of its own, so it shows as a form alert.
const FIELDS = ["description", "location", "postcode", "category", "contactEmail"] as const;
// No category until one is chosen: the select shows "Choose a category" and the schema asks for one.
const EMPTY: Omit<ConcernValues, "category"> = {
  description: "",
  location: "",
  postcode: "",
  lon: null,
  lat: null,
  website: "",
  hasConsent: false,
  contactEmail: "",
};

/**
 * The public "Raise a concern" form. It asks for no name; an e-mail address only for updates, with
 * the person's say-so. The thanks gives a reference and a private link to follow it. Spam is kept out without a
 * captcha: a hidden field only a bot fills in, and the time the form was shown (the server turns
 * both away silently).
 */
export function ConcernForm({
  wardCode,
  wardName,
  boundary,
}: {
  wardCode: string;
  wardName: string;
  boundary: Geometry;
}) {
  const { t, i18n } = useTranslation();
  const words = useFormWords();
  const trpc = useTRPC();
  const submit = useMutation(trpc.concerns.submit.mutationOptions());
  const openedAt = useRef(Date.now());
  const change = useChange();
  const [sent, setSent] = useState<{ reference: string | null; followPath: string | null } | null>(null);
  const form = useForm<ConcernValues>({ resolver: zodResolver(ConcernFormSchema), defaultValues: EMPTY });
  const errors = form.formState.errors;
  const [lon, lat, hasConsent] = form.watch(["lon", "lat", "hasConsent"]);
  const thanks = useRef<HTMLParagraphElement>(null);
  // The form goes away once sent: move focus to the confirmation so keyboard users are not lost.
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  // The thanks below is the success message: it says more than a status line, and takes the focus.
  const onSubmit = form.handleSubmit(async (values) => {
    const parsed = ConcernFormSchema.parse(values);
    // Without the box ticked no address is sent, whatever was typed before unticking it.
    const input = { ...parsed, contactEmail: parsed.hasConsent ? parsed.contactEmail : "", wardCode };
    let answer: { reference: string | null; followPath: string | null } = { reference: null, followPath: null };
    const send = async () => {
      // The language the person wrote in: the team sees it, and the e-mails about the concern use it.
      answer = await submit.mutateAsync({ ...input, openedAt: openedAt.current, language: i18n.language });
    };
    if (
      await change.run(send, {
        form: { setError: form.setError, fields: FIELDS },
        failed: (reason) => `${t("concernForm.notSent")}: ${words.say(reason)}`,
      })
    ) {
      form.reset(EMPTY);
      setSent(answer);
    }
  });

  return (
    <div>
      <div role="status">
        {sent && (
          <div className="mb-4 border-l-8 border-green-800 bg-green-50 p-4">
            <p ref={thanks} tabIndex={-1} className="text-lg font-bold">
              {t("concernForm.thanks")}
            </p>
            {sent.reference && (
              <p className="mt-1">
                <Trans
                  i18nKey="concernForm.reference"
                  values={{ reference: sent.reference }}
                  components={{ strong: <strong /> }}
                />
              </p>
            )}
            <p className="mt-1">{t("concernForm.whatNext")}</p>
            {sent.followPath && (
              <p className="mt-1">
                <Trans
                  i18nKey="concernForm.follow"
                  components={{ anchor: <Link to={sent.followPath} className="text-blue-800 underline" /> }}
                />
              </p>
            )}
          </div>
        )}
      </div>
      {sent ? (
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            openedAt.current = Date.now();
            setSent(null);
          }}
        >
          {t("concernForm.another")}
        </button>
      ) : (
        <form onSubmit={onSubmit} noValidate className="max-w-xl">
          <p className="mb-4">{t("concernForm.intro")}</p>
          <ChangeStatus change={change} />
          <Field
            label={t("concernForm.description")}
            hint={t("concernForm.descriptionHint")}
            error={words.error(errors.description)}
          >
            {(a11y) => <textarea {...a11y} {...form.register("description")} rows={4} className={inputClass} />}
          </Field>
          <Field
            label={t("concernForm.location")}
            hint={t("concernForm.locationHint")}
            error={words.error(errors.location)}
          >
            {(a11y) => <input {...a11y} {...form.register("location")} autoComplete="off" className={inputClass} />}
          </Field>
          <Field label={t("concernForm.postcode")} error={words.error(errors.postcode)}>
            {(a11y) => (
              <input {...a11y} {...form.register("postcode")} autoComplete="off" className={`${inputClass} max-w-40`} />
            )}
          </Field>
          <fieldset className="mb-4">
            <legend className="font-semibold">{t("concernForm.mapLegend")}</legend>
            <PointPicker
              boundary={boundary}
              wardName={wardName}
              value={lon != null && lat != null ? { lon, lat } : null}
              onChange={(point) => {
                form.setValue("lon", point?.lon ?? null, { shouldDirty: true });
                form.setValue("lat", point?.lat ?? null, { shouldDirty: true });
              }}
            />
          </fieldset>
          <Field label={t("concernForm.category")} error={words.error(errors.category)}>
            {(a11y) => (
              <select {...a11y} {...form.register("category")} className={inputClass}>
                <option value="">{t("concernForm.chooseCategory")}</option>
                <TranslatedCategoryOptions />
              </select>
            )}
          </Field>
          <fieldset className="mb-4">
            <legend className="font-semibold">{t("concernForm.updatesLegend")}</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" {...form.register("hasConsent")} className="size-5" /> {t("concernForm.consent")}
            </label>
            {hasConsent && (
              <Field
                label={t("concernForm.email")}
                hint={t("concernForm.emailHint")}
                error={words.error(errors.contactEmail)}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    {...form.register("contactEmail")}
                    type="email"
                    autoComplete="email"
                    className={inputClass}
                  />
                )}
              </Field>
            )}
          </fieldset>
          {/* Never seen by people (hidden and out of the tab order); a bot filling it in is turned away. */}
          <div aria-hidden="true" className="sr-only">
            <label>
              {t("concernForm.honeypot")}
              <input {...form.register("website")} type="text" tabIndex={-1} autoComplete="off" />
            </label>
          </div>
          <button type="submit" className={buttonClass} disabled={change.pending}>
            {t("concernForm.send")}
          </button>
        </form>
      )}
    </div>
  );
}
