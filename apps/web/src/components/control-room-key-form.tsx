import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { BoroughCode, ControlRoomName } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useDistrictWords } from "../lib/use-district-words";
import { useSiteArea } from "../lib/use-site-area";
import { BoroughOptions } from "./borough-options";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";

// The form picks one borough (or all); feedAdmin.createApiKey takes a list.
const KeyForm = z.object({ name: ControlRoomName, boroughCode: z.union([z.literal(""), BoroughCode]) });
type KeyForm = z.infer<typeof KeyForm>;

/** Admins issue a control room's key; the key is shown once, here, and never again. */
export function ControlRoomKeyForm() {
  const { district } = useDistrictWords();
  const area = useSiteArea();
  const trpc = useTRPC();
  const change = useChange(trpc.feedAdmin.pathFilter());
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation(trpc.feedAdmin.createApiKey.mutationOptions());
  const form = useForm<KeyForm>({ resolver: zodResolver(KeyForm), defaultValues: { name: "", boroughCode: "" } });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    const issue = async () => {
      const { key } = await create.mutateAsync({
        name: values.name,
        boroughCodes: values.boroughCode ? [values.boroughCode] : [],
      });
      setIssued({ name: values.name, key });
    };
    if (await change.run(issue, { form: { setError: form.setError, fields: ["name"] }, failed: "Not issued" }))
      form.reset();
  });

  return (
    <section aria-labelledby="new-key-heading" className="mb-10 max-w-xl">
      <h2 id="new-key-heading" className="mb-2 text-2xl font-bold">
        Issue a key to a control room
      </h2>
      <ChangeStatus change={change} />
      <form onSubmit={onSubmit} noValidate>
        <Field
          label="Control room"
          hint="Who will use the key, e.g. “Met Command and Control, Lambeth”."
          error={errors.name}
        >
          {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} autoComplete="off" />}
        </Field>
        <Field
          label="Borough"
          hint={`The key reads only this ${district}’s priorities. Choose none for every ${district}.`}
          error={errors.boroughCode}
        >
          {(a11y) => (
            <select {...a11y} {...form.register("boroughCode")} className={inputClass}>
              <BoroughOptions emptyLabel={`All of ${area}`} />
            </select>
          )}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Issue key
        </button>
      </form>
      {/* Not spread: React keeps `key` for itself, so the key would never reach the component. */}
      {issued && <IssuedKey name={issued.name} apiKey={issued.key} />}
    </section>
  );
}

function IssuedKey({ name, apiKey: key }: { name: string; apiKey: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-4 border-l-4 border-green-800 bg-green-50 p-3">
      <Field
        label={`Key for ${name}`}
        hint="Copy it now and send it securely. Ward Panel keeps only a hash, so it cannot show it again."
      >
        {(a11y) => (
          <input
            {...a11y}
            readOnly
            value={key}
            className={`${inputClass} font-mono`}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </Field>
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => void navigator.clipboard?.writeText(key).then(() => setCopied(true))}
      >
        Copy key
      </button>
      <p role="status" className="mt-1">
        {copied ? "Copied." : ""}
      </p>
    </div>
  );
}
