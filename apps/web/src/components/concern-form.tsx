import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { PublicConcernInput } from "@wardpanel/validators";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { ConcernCategoryOptions } from "./concern-category-options";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";
import type { Geometry } from "./map-projection";
import { PointPicker } from "./point-picker";

/** The form's own fields: the ward comes from the page and `openedAt` from when the form was shown. */
const ConcernFormSchema = PublicConcernInput.omit({ wardCode: true, openedAt: true });
type ConcernValues = z.input<typeof ConcernFormSchema>;
// lon and lat are left out: an error about the point has no field of its own, so it shows as a form alert.
const FIELDS = ["description", "location", "postcode", "category"] as const;
const EMPTY: ConcernValues = {
  description: "",
  location: "",
  postcode: "",
  lon: null,
  lat: null,
  category: "",
  website: "",
};

/**
 * The public "Raise a concern" form. It asks for no personal details. Spam is kept out without a
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
  const trpc = useTRPC();
  const submit = useMutation(trpc.concerns.submit.mutationOptions());
  const openedAt = useRef(Date.now());
  const change = useChange();
  const [sent, setSent] = useState(false);
  const form = useForm<ConcernValues>({ resolver: zodResolver(ConcernFormSchema), defaultValues: EMPTY });
  const errors = form.formState.errors;
  const [lon, lat] = form.watch(["lon", "lat"]);
  const thanks = useRef<HTMLParagraphElement>(null);
  // The form goes away once sent: move focus to the confirmation so keyboard users are not lost.
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  // The thanks below is the success message: it says more than a status line, and takes the focus.
  const onSubmit = form.handleSubmit(async (values) => {
    const send = () => submit.mutateAsync({ ...ConcernFormSchema.parse(values), wardCode, openedAt: openedAt.current });
    if (await change.run(send, { form: { setError: form.setError, fields: FIELDS }, failed: "Not sent" })) {
      form.reset(EMPTY);
      setSent(true);
    }
  });

  return (
    <div>
      <div role="status">
        {sent && (
          <div className="mb-4 border-l-8 border-green-800 bg-green-50 p-4">
            <p ref={thanks} tabIndex={-1} className="text-lg font-bold">
              Thank you: your concern has been sent.
            </p>
            <p className="mt-1">
              The Safer Neighbourhoods Team reviews every concern raised. The ward panel chooses the ward's priorities
              from them at its meetings, which anyone can attend.
            </p>
          </div>
        )}
      </div>
      {sent ? (
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            openedAt.current = Date.now();
            setSent(false);
          }}
        >
          Raise another concern
        </button>
      ) : (
        <form onSubmit={onSubmit} noValidate className="max-w-xl">
          <p className="mb-4">
            We do not ask for your name or contact details. In an emergency call 999; to report a crime call 101.
          </p>
          <ChangeStatus change={change} />
          <Field label="What is the problem?" hint="Say what happens, and when if it helps" error={errors.description}>
            {(a11y) => <textarea {...a11y} {...form.register("description")} rows={4} className={inputClass} />}
          </Field>
          <Field
            label="Where?"
            hint="A street or a place people know, like “the play area by the station”"
            error={errors.location}
          >
            {(a11y) => <input {...a11y} {...form.register("location")} autoComplete="off" className={inputClass} />}
          </Field>
          <Field label="Postcode (optional)" error={errors.postcode}>
            {(a11y) => (
              <input {...a11y} {...form.register("postcode")} autoComplete="off" className={`${inputClass} max-w-40`} />
            )}
          </Field>
          <fieldset className="mb-4">
            <legend className="font-semibold">Or mark the place on the map (optional)</legend>
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
          <Field label="What kind of problem is it?" error={errors.category}>
            {(a11y) => (
              <select {...a11y} {...form.register("category")} className={inputClass}>
                <option value="">Choose a category</option>
                <ConcernCategoryOptions />
              </select>
            )}
          </Field>
          {/* Never seen by people (hidden and out of the tab order); a bot filling it in is turned away. */}
          <div aria-hidden="true" className="sr-only">
            <label>
              Website (leave this empty)
              <input {...form.register("website")} type="text" tabIndex={-1} autoComplete="off" />
            </label>
          </div>
          <button type="submit" className={buttonClass} disabled={change.pending}>
            Send the concern
          </button>
        </form>
      )}
    </div>
  );
}
