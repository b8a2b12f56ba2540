import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  AddGuestInput,
  ATTENDANCE_LABELS,
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  PublicSignInInput,
} from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";
import { LoadError, Loading } from "./status";

type Ref = { wardCode: string; meetingId: number };

/** Attendance decides the quorum, which the live view and the vote read: refresh everything. */
const useAttendanceChange = () => useChange("everything");

/** The roster, police and partners, and the public: a count, and a sign-in only with consent. */
export function AttendancePanel({ wardCode, meetingId, canRecord }: Ref & { canRecord: boolean }) {
  const trpc = useTRPC();
  const ref = { wardCode, meetingId };
  const attendance = useQuery(trpc.attendance.forMeeting.queryOptions(ref));
  const mark = useMutation(trpc.attendance.mark.mutationOptions());
  const setCount = useMutation(trpc.attendance.setPublicCount.mutationOptions());
  const change = useAttendanceChange();
  const [count, setCountValue] = useState<string | null>(null);
  // Shown at once so the radio button answers the tap; taken back, with an alert, if the save fails.
  const [marks, setMarks] = useState<Record<number, AttendanceStatus>>({});

  if (attendance.isLoading) return <Loading />;
  if (attendance.error || !attendance.data)
    return <LoadError error={attendance.error ?? { message: "No attendance." }} />;
  const { roster, guests, publicCount, publicSignInCount, publicSignIns } = attendance.data;

  const onMark = async (userId: number, status: AttendanceStatus) => {
    setMarks((m) => ({ ...m, [userId]: status }));
    const failed = (reason: string) => `Not saved: ${reason} Choose again when you are back online.`;
    if (!(await change.run(() => mark.mutateAsync({ ...ref, userId, status }), { failed })))
      setMarks(({ [userId]: _, ...rest }) => rest);
  };

  return (
    <>
      <ChangeStatus change={change} />
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
      {guests.length === 0 ? (
        <p className="mb-2">None recorded yet.</p>
      ) : (
        <ul className="mb-2 list-disc pl-6">
          {guests.map((g) => (
            <li key={g.id}>
              {g.name}
              {g.organisation && ` (${g.organisation})`} — {g.kind === "police" ? "police" : "partner"}
            </li>
          ))}
        </ul>
      )}
      {canRecord && <GuestForm {...ref} />}

      <h3 className="mb-2 mt-4 text-xl font-bold">Members of the public</h3>
      {canRecord ? (
        <form
          className="mb-4 flex flex-wrap items-end gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            if (
              await change.run(() => setCount.mutateAsync({ ...ref, count: Number(count ?? publicCount) }), {
                done: "The count is saved.",
              })
            )
              setCountValue(null);
          }}
        >
          <label className="font-semibold">
            How many came
            <input
              type="number"
              min={0}
              value={count ?? String(publicCount)}
              onChange={(e) => setCountValue(e.target.value)}
              className={`${inputClass} w-32`}
            />
          </label>
          <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
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
      {canRecord && <PublicSignInForm {...ref} />}
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

function GuestForm({ wardCode, meetingId }: Ref) {
  const trpc = useTRPC();
  const add = useMutation(trpc.attendance.addGuest.mutationOptions());
  const change = useAttendanceChange();
  const form = useForm<z.infer<typeof AddGuestInput>>({
    resolver: zodResolver(AddGuestInput),
    defaultValues: { wardCode, meetingId, kind: "police", name: "", organisation: "" },
  });
  const submit = form.handleSubmit(async (values) => {
    const fields = { setError: form.setError, fields: ["name", "organisation"] };
    if (
      await change.run(() => add.mutateAsync(values), {
        form: fields,
        done: `${values.name} is added to the attendance.`,
      })
    )
      form.reset({ ...values, name: "", organisation: "" });
  });
  return (
    <form onSubmit={submit} noValidate className="grid gap-x-4 sm:grid-cols-3">
      <div className="sm:col-span-3">
        <ChangeStatus change={change} />
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
        <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
          Add to attendance
        </button>
      </div>
    </form>
  );
}

function PublicSignInForm({ wardCode, meetingId }: Ref) {
  const trpc = useTRPC();
  const add = useMutation(trpc.attendance.addPublicSignIn.mutationOptions());
  const change = useAttendanceChange();
  const form = useForm<z.input<typeof PublicSignInInput>>({
    resolver: zodResolver(PublicSignInInput),
    defaultValues: { wardCode, meetingId, name: "", email: "", consent: false as unknown as true },
  });
  const submit = form.handleSubmit(async (values) => {
    const fields = { setError: form.setError, fields: ["name", "email", "consent"] };
    if (await change.run(() => add.mutateAsync(values), { form: fields, done: `${values.name} will be sent updates.` }))
      form.reset();
  });
  return (
    <details className="rounded border-2 border-slate-300 p-3">
      <summary className="min-h-11 cursor-pointer content-center font-semibold">Sign someone up for updates</summary>
      <form onSubmit={submit} noValidate className="mt-2 max-w-xl">
        <p className="mb-2">Only their name and e-mail are kept, and only if they agree.</p>
        <ChangeStatus change={change} />
        <Field label="Their name" error={form.formState.errors.name}>
          {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} />}
        </Field>
        <Field label="Their e-mail" error={form.formState.errors.email}>
          {(a11y) => <input {...a11y} {...form.register("email")} type="email" className={inputClass} />}
        </Field>
        {form.formState.errors.consent && (
          <p className="font-semibold text-red-800">{form.formState.errors.consent.message}</p>
        )}
        <label className="mb-4 flex min-h-11 items-center gap-2">
          <input type="checkbox" {...form.register("consent")} className="size-5" /> They agree to be sent updates about
          this ward
        </label>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Sign them up
        </button>
      </form>
    </details>
  );
}
