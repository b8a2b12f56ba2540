import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UpdateMeetingInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { buttonClass, Field, FormAlert, inputClass } from "./field";
import { MEETING_DETAIL_FIELDS, MeetingDetailsFields, type MeetingDetailsValues } from "./meeting-details-fields";

type Values = z.infer<typeof UpdateMeetingInput>;

/** Edits one meeting: for a series, this occurrence only. Calendars pick the change up. */
export function EditMeetingForm({ wardCode, meetingId, date, details, onSaved }: { wardCode: string; meetingId: number; date: string; details: MeetingDetailsValues; onSaved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const update = useMutation(trpc.meetings.update.mutationOptions());
  const form = useForm<Values>({ resolver: zodResolver(UpdateMeetingInput), defaultValues: { wardCode, meetingId, date, ...details } });
  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await update.mutateAsync(values);
      await queryClient.invalidateQueries();
      onSaved();
    } catch (error) {
      setAlert(applyServerError(error, form.setError, [...MEETING_DETAIL_FIELDS, "date"]));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <FormAlert message={alert} />
      <Field label="Date" error={form.formState.errors.date}>
        {(a11y) => <input {...a11y} {...form.register("date")} type="date" className={inputClass} />}
      </Field>
      <MeetingDetailsFields register={form.register} errors={form.formState.errors} />
      <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
        Save changes to this meeting
      </button>
    </form>
  );
}
