import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { MonthlyRuleInput, ScheduleMeetingForm } from "@wardpanel/validators";
import { useForm } from "react-hook-form";

import { isoMonth } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass } from "./field";
import { EMPTY_DETAILS, MEETING_DETAIL_FIELDS, MeetingDetailsFields } from "./meeting-details-fields";

const ORDINALS = [
  [1, "First"],
  [2, "Second"],
  [3, "Third"],
  [4, "Fourth"],
  [-1, "Last"],
] as const;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const FIELDS = [...MEETING_DETAIL_FIELDS, "date"] as const;

/** Schedules one meeting or a monthly series, as drafts to check before advertising. */
export function ScheduleMeetingFormView({ wardCode, wardName }: { wardCode: string; wardName: string }) {
  const trpc = useTRPC();
  const change = useChange(trpc.meetings.pathFilter());
  const createOne = useMutation(trpc.meetings.create.mutationOptions());
  const createSeries = useMutation(trpc.meetings.scheduleSeries.mutationOptions());
  const nextMonth = isoMonth(new Date(Date.now() + 31 * 86_400_000));
  const form = useForm<ScheduleMeetingForm>({
    resolver: zodResolver(ScheduleMeetingForm),
    defaultValues: {
      ...EMPTY_DETAILS,
      title: `${wardName} ward panel meeting`,
      repeat: "once",
      date: "",
      rule: { ordinal: 2, weekday: 2, firstMonth: nextMonth, months: 6 },
    },
  });
  const errors = form.formState.errors;
  const repeat = form.watch("repeat");

  const onSubmit = form.handleSubmit(({ repeat, date, rule, ...details }) => {
    /** Schedules, and says how many meetings were made. */
    const schedule = async () => {
      if (repeat === "once") {
        await createOne.mutateAsync({ wardCode, date, ...details });
        return "Meeting scheduled as a draft. Check it, then publish it to advertise it.";
      }
      const { meetingIds } = await createSeries.mutateAsync({
        wardCode,
        rule: MonthlyRuleInput.parse(rule),
        ...details,
      });
      return `${meetingIds.length} meetings scheduled as drafts. Check them, then publish each to advertise it.`;
    };
    return change.run(schedule, { form: { setError: form.setError, fields: FIELDS }, done: (message) => message });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <fieldset className="mb-4">
        <legend className="font-semibold">How often</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="once" {...form.register("repeat")} className="size-5" /> One meeting
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="monthly" {...form.register("repeat")} className="size-5" /> Every month, on the
          same day
        </label>
      </fieldset>
      {repeat === "once" ? (
        <Field label="Date" error={errors.date}>
          {(a11y) => <input {...a11y} {...form.register("date")} type="date" className={inputClass} />}
        </Field>
      ) : (
        <fieldset className="mb-4 rounded border-2 border-slate-300 p-3">
          <legend className="px-1 font-semibold">Monthly series</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field label="Which" error={errors.rule?.ordinal}>
              {(a11y) => (
                <select {...a11y} {...form.register("rule.ordinal", { valueAsNumber: true })} className={inputClass}>
                  {ORDINALS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Day of the week" error={errors.rule?.weekday}>
              {(a11y) => (
                <select {...a11y} {...form.register("rule.weekday", { valueAsNumber: true })} className={inputClass}>
                  {WEEKDAYS.map((day, index) => (
                    <option key={day} value={index + 1}>
                      {day}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="First month" hint="Like 2027-01" error={errors.rule?.firstMonth}>
              {(a11y) => <input {...a11y} {...form.register("rule.firstMonth")} type="month" className={inputClass} />}
            </Field>
            <Field label="Number of months" error={errors.rule?.months}>
              {(a11y) => (
                <input
                  {...a11y}
                  {...form.register("rule.months", { valueAsNumber: true })}
                  type="number"
                  min={1}
                  max={24}
                  className={inputClass}
                />
              )}
            </Field>
          </div>
        </fieldset>
      )}
      <MeetingDetailsFields register={form.register} control={form.control} errors={errors} />
      <button type="submit" className={buttonClass} disabled={change.pending}>
        {repeat === "once" ? "Schedule the meeting" : "Schedule the series"}
      </button>
    </form>
  );
}
