import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AddGuestInput, ATTENDANCE_LABELS, ATTENDANCE_STATUSES, PublicSignInInput, type AttendanceStatus } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { buttonClass, Field, FormAlert, inputClass, secondaryButtonClass } from "./field";
import { LoadError, Loading } from "./status";

type Ref = { wardCode: string; meetingId: number };

/** The roster, police and partners, and the public: a count, and a sign-in only with consent. */
export function AttendancePanel({ wardCode, meetingId, canRecord }: Ref & { canRecord: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = { wardCode, meetingId };
  const attendance = useQuery(trpc.attendance.forMeeting.queryOptions(ref));
  const mark = useMutation(trpc.attendance.mark.mutationOptions());
  const setCount = useMutation(trpc.attendance.setPublicCount.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const [count, setCountValue] = useState<string | null>(null);
  // Shown at once so the radio button answers the tap; taken back, with an alert, if the save fails.
  const [marks, setMarks] = useState<Record<number, AttendanceStatus>>({});
  const refresh = () => queryClient.invalidateQueries({ predicate: () => true });

  if (attendance.isLoading) return <Loading />;
  if (attendance.error || !attendance.data) return <LoadError error={attendance.error ?? { message: "No attendance." }} />;
  const { roster, guests, publicCount, publicSignInCount, publicSignIns } = attendance.data;

  const onMark = async (userId: number, status: AttendanceStatus) => {
    setAlert(null);
    setMarks((m) => ({ ...m, [userId]: status }));
    try {
      await mark.mutateAsync({ ...ref, userId, status });
      await refresh();
    } catch (error) {
      setMarks(({ [userId]: _, ...rest }) => rest);
      setAlert(`Not saved: ${(error as Error).message} Choose again when you are back online.`);
    }
  };

  return (
    <>
      <FormAlert message={alert} />
      <h3 className="mb-2 text-xl font-bold">Panel members</h3>
      {roster.length === 0 && <p>This panel has no members yet.</p>}
      <ul className="mb-4 grid gap-2">
        {roster.map((member) => (
          <li key={member.userId}>
            <fieldset className="rounded border-2 border-slate-300 p-2">
              <legend className="px-1 font-semibold">
                {member.name}
                {member.role === "chair" ? " (chair)" : ""}
              </legend>
              <div className="flex flex-wrap gap-x-4">
                {ATTENDANCE_STATUSES.map((status) => (
                  <label key={status} className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name={`attendance-${member.userId}`}
                      className="size-5"
                      checked={(marks[member.userId] ?? member.status) === status}
                      disabled={!canRecord}
                      onChange={() => onMark(member.userId, status)}
                    />
                    {ATTENDANCE_LABELS[status]}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>

      <h3 className="mb-2 text-xl font-bold">Police and partners</h3>
      {guests.length === 0 ? <p className="mb-2">None recorded yet.</p> : (
        <ul className="mb-2 list-disc pl-6">
          {guests.map((g) => (
            <li key={g.id}>
              {g.name}
              {g.organisation && ` (${g.organisation})`} — {g.kind === "police" ? "police" : "partner"}
            </li>
          ))}
        </ul>
      )}
      {canRecord && <GuestForm {...ref} onSaved={refresh} />}

      <h3 className="mb-2 mt-4 text-xl font-bold">Members of the public</h3>
      {canRecord ? (
        <form
          className="mb-4 flex flex-wrap items-end gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            setAlert(null);
            try {
              await setCount.mutateAsync({ ...ref, count: Number(count ?? publicCount) });
              setCountValue(null);
              await refresh();
            } catch (error) {
              setAlert(`Not saved: ${(error as Error).message}`);
            }
          }}
        >
          <label className="font-semibold">
            How many came
            <input type="number" min={0} value={count ?? String(publicCount)} onChange={(e) => setCountValue(e.target.value)} className={`${inputClass} w-32`} />
          </label>
          <button type="submit" className={secondaryButtonClass}>
            Save the count
          </button>
        </form>
      ) : (
        <p>{publicCount} members of the public.</p>
      )}
      <p className="mb-2">
        {publicSignInCount} {publicSignInCount === 1 ? "person has" : "people have"} left their details for updates.
      </p>
      {publicSignIns && publicSignIns.length > 0 && <PublicSignInList signIns={publicSignIns} />}
      {canRecord && <PublicSignInForm {...ref} onSaved={refresh} />}
    </>
  );
}

/**
 * Only those who record the meeting get these (the server sends no names to panel members): the
 * people asked for updates, so the chair can send them. Deleted after RETENTION_MONTHS.
 */
function PublicSignInList({ signIns }: { signIns: { id: number; name: string; email: string }[] }) {
  return (
    <>
      <ul className="mb-2 list-disc pl-6">
        {signIns.map((s) => (
          <li key={s.id}>
            {s.name}, {s.email}
          </li>
        ))}
      </ul>
      <p className="mb-2">
        <a href={`mailto:?bcc=${signIns.map((s) => encodeURIComponent(s.email)).join(",")}`} className="underline">
          E-mail everyone who asked for updates
        </a>{" "}
        (their addresses are hidden from each other).
      </p>
    </>
  );
}

function GuestForm({ wardCode, meetingId, onSaved }: Ref & { onSaved: () => Promise<void> }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.attendance.addGuest.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<z.infer<typeof AddGuestInput>>({ resolver: zodResolver(AddGuestInput), defaultValues: { wardCode, meetingId, kind: "police", name: "", organisation: "" } });
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await add.mutateAsync(values);
      form.reset({ ...values, name: "", organisation: "" });
      await onSaved();
    } catch (error) {
      setAlert(applyServerError(error, form.setError, ["name", "organisation"]));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-x-4 sm:grid-cols-3">
      <div className="sm:col-span-3">
        <FormAlert message={alert} />
      </div>
      <Field label="Police or partner" error={form.formState.errors.kind}>
        {(a11y) => (
          <select {...a11y} {...form.register("kind")} className={inputClass}>
            <option value="police">Police</option>
            <option value="partner">Partner</option>
          </select>
        )}
      </Field>
      <Field label="Their name" error={form.formState.errors.name}>
        {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} />}
      </Field>
      <Field label="Organisation" error={form.formState.errors.organisation}>
        {(a11y) => <input {...a11y} {...form.register("organisation")} className={inputClass} />}
      </Field>
      <div className="sm:col-span-3">
        <button type="submit" className={secondaryButtonClass}>
          Add to attendance
        </button>
      </div>
    </form>
  );
}

function PublicSignInForm({ wardCode, meetingId, onSaved }: Ref & { onSaved: () => Promise<void> }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.attendance.addPublicSignIn.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<z.input<typeof PublicSignInInput>>({
    resolver: zodResolver(PublicSignInInput),
    defaultValues: { wardCode, meetingId, name: "", email: "", consent: false as unknown as true },
  });
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await add.mutateAsync(values);
      setDone(`${values.name} will be sent updates.`);
      form.reset();
      await onSaved();
    } catch (error) {
      setAlert(applyServerError(error, form.setError, ["name", "email", "consent"]));
    }
  });
  return (
    <details className="rounded border-2 border-slate-300 p-3">
      <summary className="min-h-11 cursor-pointer content-center font-semibold">Sign someone up for updates</summary>
      <form onSubmit={submit} noValidate className="mt-2 max-w-xl">
        <p className="mb-2">Only their name and e-mail are kept, and only if they agree.</p>
        <FormAlert message={alert} />
        <p role="status" className="font-semibold text-green-900">{done ?? ""}</p>
        <Field label="Their name" error={form.formState.errors.name}>
          {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} />}
        </Field>
        <Field label="Their e-mail" error={form.formState.errors.email}>
          {(a11y) => <input {...a11y} {...form.register("email")} type="email" className={inputClass} />}
        </Field>
        {form.formState.errors.consent && <p className="font-semibold text-red-800">{form.formState.errors.consent.message}</p>}
        <label className="mb-4 flex min-h-11 items-center gap-2">
          <input type="checkbox" {...form.register("consent")} className="size-5" /> They agree to be sent updates about this ward
        </label>
        <button type="submit" className={buttonClass}>
          Sign them up
        </button>
      </form>
    </details>
  );
}
