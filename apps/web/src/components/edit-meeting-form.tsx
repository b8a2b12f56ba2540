import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { UpdateMeetingInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass } from "./field";
import { MEETING_DETAIL_FIELDS, MeetingDetailsFields, type MeetingDetailsValues } from "./meeting-details-fields";

type Values = z.infer<typeof UpdateMeetingInput>;

/** Edits one meeting: for a series, this occurrence only. Calendars pick the change up. */
export function EditMeetingForm({
  wardCode,
  meetingId,
  date,
  details,
  onSaved,
}: {
  wardCode: string;
  meetingId: number;
  date: string;
  details: MeetingDetailsValues;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  // A meeting's date and time show on the ward page, the calendar and staff lists: refresh everything.
  const change = useChange("everything");
  const update = useMutation(trpc.meetings.update.mutationOptions());
  const form = useForm<Values>({
    resolver: zodResolver(UpdateMeetingInput),
    defaultValues: { wardCode, meetingId, date, ...details },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => update.mutateAsync(values), {
        form: { setError: form.setError, fields: [...MEETING_DETAIL_FIELDS, "date"] },
      })
    )
      onSaved();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field label="Date" error={form.formState.errors.date}>
        {(a11y) => <input {...a11y} {...form.register("date")} type="date" className={inputClass} />}
      </Field>
      <MeetingDetailsFields register={form.register} control={form.control} errors={form.formState.errors} />
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Save changes to this meeting
      </button>
    </form>
  );
}
