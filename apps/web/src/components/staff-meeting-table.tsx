import type { RouterOutputs } from "@wardpanel/api";
import { MEETING_STATUS_LABELS } from "@wardpanel/validators";
import { Link } from "react-router";

type Meeting = RouterOutputs["meetings"]["forWard"][number];

/** Every meeting of the ward for its staff, with what state each is in. */
export function StaffMeetingTable({ wardCode, meetings }: { wardCode: string; meetings: Meeting[] }) {
  if (meetings.length === 0) return <p>No meetings yet. Schedule the first one below.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Meetings of this ward</caption>
        <thead>
          <tr className="border-b-2 border-slate-800">
            <th scope="col" className="py-2 pr-4">
              When
            </th>
            <th scope="col" className="py-2 pr-4">
              Meeting
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id} className="border-b border-slate-300">
              <td className="py-2 pr-4">{m.when}</td>
              <td className="py-2 pr-4">
                <Link to={`/staff/wards/${wardCode}/meetings/${m.id}`} className="text-blue-800 underline">
                  {m.title}
                </Link>
              </td>
              <td className="py-2">{MEETING_STATUS_LABELS[m.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
