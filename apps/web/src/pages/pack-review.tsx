import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { defined, PackText } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { ConfirmButton } from "../components/confirm-button";
import { buttonClass, Field, inputClass } from "../components/field";
import { PackBody } from "../components/pack-body";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useWardAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The sergeant reviews the draft, writes the commentary and partner actions, and publishes; the chair may read it. */
export function PackReviewPage() {
  const { wardCode = "", month = "" } = useParams();
  const trpc = useTRPC();
  const may = useWardAccess(wardCode);
  const pack = useQuery({ ...trpc.crimePacks.draftPage.queryOptions({ wardCode, month }), retry: false });
  const change = useChange(trpc.crimePacks.pathFilter());
  const save = useMutation(trpc.crimePacks.saveText.mutationOptions());
  const publish = useMutation(trpc.crimePacks.publish.mutationOptions());
  const form = useForm<PackText>({
    resolver: zodResolver(PackText),
    values: { commentary: pack.data?.commentary ?? "", partnerActions: pack.data?.partnerActions ?? "" },
  });
  useTitle(pack.data ? `Review: ${pack.data.title}` : "Review pack");
  const canEdit = may("reviewPacks");

  const fields = { setError: form.setError, fields: ["commentary", "partnerActions"] };
  const onSave = form.handleSubmit((values) =>
    change.run(() => save.mutateAsync({ wardCode, month, ...values }), {
      form: fields,
      done: "Saved. The preview below shows it.",
    }),
  );
  /**
   * Publishing saves the text on screen first, so what is e-mailed is what the sergeant sees. It
   * compares with the saved text rather than asking `formState.isDirty`, which react-hook-form only
   * tracks when the page reads it while rendering (it read false here, and edits were lost).
   */
  const savePublish = async () => {
    const onScreen = form.getValues();
    const saved = defined(pack.data, "the draft pack");
    if (onScreen.commentary !== saved.commentary || onScreen.partnerActions !== saved.partnerActions)
      await save.mutateAsync({ wardCode, month, ...onScreen });
    return publish.mutateAsync({ wardCode, month });
  };
  const published = ({ queued }: { queued: number }) =>
    `Published. ${queued === 1 ? "1 subscriber" : `${queued} subscribers`} will get it by e-mail.`;

  if (pack.isLoading) return <Loading />;
  if (pack.error || !pack.data) return <LoadError error={pack.error ?? { message: "No data." }} />;
  const p = pack.data;
  const isPublished = p.status === "published";

  return (
    <>
      <p className="text-lg text-slate-700">
        <Link to={`/staff/wards/${wardCode}/packs`} className="text-blue-800 underline">
          {p.ward.name}: all months
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{p.title}</h1>
      <p className="mb-4 font-semibold">
        {isPublished
          ? "Published: the public and subscribers see this."
          : "Draft: only the ward's sergeant and chair see this."}
      </p>
      <ChangeStatus change={change} />
      {isPublished ? (
        <p className="mb-6">
          <Link to={`/wards/${wardCode}/packs/${month}`} className="text-blue-800 underline">
            See the public page
          </Link>{" "}
          ·{" "}
          <a href={p.pdfPath} className="text-blue-800 underline">
            the PDF
          </a>
        </p>
      ) : (
        canEdit && (
          <section aria-labelledby="write-heading" className="mb-8 max-w-3xl rounded border-2 border-slate-300 p-4">
            <h2 id="write-heading" className="mb-2 text-2xl font-bold">
              Commentary and publishing
            </h2>
            <form onSubmit={onSave} noValidate>
              <Field
                label="Sergeant's commentary"
                hint="What the figures mean for the ward, and what the team is doing about them. Leave a blank line between paragraphs."
                error={form.formState.errors.commentary}
              >
                {(a11y) => <textarea {...a11y} {...form.register("commentary")} rows={6} className={inputClass} />}
              </Field>
              <Field
                label="What partners are doing"
                hint="The council, housing, schools and others: what they did this month."
                error={form.formState.errors.partnerActions}
              >
                {(a11y) => <textarea {...a11y} {...form.register("partnerActions")} rows={4} className={inputClass} />}
              </Field>
              <button type="submit" className={buttonClass} disabled={change.pending}>
                Save and preview
              </button>
            </form>
            <div className="mt-6">
              <ConfirmButton
                label="Publish the pack"
                question={
                  <p>
                    Publish {p.title}? It goes on the public ward page and is e-mailed to the ward's subscribers. It
                    cannot be changed afterwards.
                  </p>
                }
                confirmLabel="Yes, publish and e-mail it"
                onConfirm={() => change.run(savePublish, { form: fields, done: published, failed: "Not published" })}
              />
            </div>
          </section>
        )
      )}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="mb-2 text-2xl font-bold">
          {isPublished ? "The published pack" : "Preview"}
        </h2>
        {!isPublished && (
          <p className="mb-2">
            <a href={p.draftPdfPath} className="text-blue-800 underline">
              Preview the PDF
            </a>
          </p>
        )}
        <div className="rounded border-2 border-dashed border-slate-400 p-4">
          <PackBody html={p.html} map={p.map} />
        </div>
      </section>
    </>
  );
}
