import { meetingPlace } from "@wardpanel/meetings/meeting-place";
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingDetails } from "@wardpanel/validators";
import { type Control, type FieldErrors, type UseFormRegister, useWatch } from "react-hook-form";

import { Field, inputClass } from "./field";

/** The details every meeting has, shared by the schedule and edit forms. */
export type MeetingDetailsValues = MeetingDetails;

export const MEETING_DETAIL_FIELDS = [
  "kind",
  "title",
  "startTime",
  "endTime",
  "venueName",
  "venueAddress",
  "nearestTransport",
  "onlineUrl",
  "invited",
] as const;

type Props = {
  // The two forms have different value types that both include these fields.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: UseFormRegister<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<any>;
  errors: FieldErrors<MeetingDetailsValues>;
};

/** The fields that decide whether the meeting is only online. */
const PLACE_FIELDS = ["kind", "venueName", "venueAddress", "onlineUrl"] as const;

export function MeetingDetailsFields({ register, control, errors }: Props) {
  const [kind, venueName, venueAddress, onlineUrl] = useWatch({ control, name: PLACE_FIELDS }) as [
    MeetingDetails["kind"],
    string,
    string,
    string,
  ];
  // A meeting only online has no room: the server keeps no step-free access or hearing loop for it.
  const isOnlineOnly = meetingPlace({ kind, venueName, venueAddress, onlineUrl }) === "online";
  return (
    <>
      <Field label="Kind of meeting" error={errors.kind}>
        {(a11y) => (
          <select {...a11y} {...register("kind")} className={inputClass}>
            {MEETING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {MEETING_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Title" error={errors.title}>
        {(a11y) => <input {...a11y} {...register("title")} className={inputClass} />}
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Starts at" hint="UK time" error={errors.startTime}>
          {(a11y) => <input {...a11y} {...register("startTime")} type="time" className={inputClass} />}
        </Field>
        <Field label="Ends at" hint="UK time" error={errors.endTime}>
          {(a11y) => <input {...a11y} {...register("endTime")} type="time" className={inputClass} />}
        </Field>
      </div>
      <Field label="Venue" hint="Leave empty for an online meeting" error={errors.venueName}>
        {(a11y) => <input {...a11y} {...register("venueName")} className={inputClass} />}
      </Field>
      <Field label="Venue address" error={errors.venueAddress}>
        {(a11y) => (
          <input {...a11y} {...register("venueAddress")} className={inputClass} autoComplete="street-address" />
        )}
      </Field>
      {!isOnlineOnly && (
        <fieldset className="mb-4">
          <legend className="font-semibold">Accessibility of the venue</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" {...register("stepFreeAccess")} className="size-5" /> Step-free access
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" {...register("hearingLoop")} className="size-5" /> Hearing loop
          </label>
        </fieldset>
      )}
      <Field label="Nearest transport" hint="The nearest station and bus routes" error={errors.nearestTransport}>
        {(a11y) => <input {...a11y} {...register("nearestTransport")} className={inputClass} />}
      </Field>
      <Field label="Online link" hint="The full https:// link to join, for an online meeting" error={errors.onlineUrl}>
        {(a11y) => <input {...a11y} {...register("onlineUrl")} type="url" className={inputClass} />}
      </Field>
      <Field label="Who is invited" error={errors.invited}>
        {(a11y) => <input {...a11y} {...register("invited")} className={inputClass} />}
      </Field>
    </>
  );
}

export const EMPTY_DETAILS: MeetingDetailsValues = {
  kind: "panel_meeting",
  title: "",
  startTime: "19:00",
  endTime: "20:30",
  venueName: "",
  venueAddress: "",
  stepFreeAccess: false,
  hearingLoop: false,
  nearestTransport: "",
  onlineUrl: "",
  invited: "Everyone who lives or works in the ward",
};
