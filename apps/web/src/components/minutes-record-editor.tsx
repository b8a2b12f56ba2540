import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "../lib/trpc";
import { ActionList, ConcernList, DecisionList } from "./record-entries";
import { LoadError, Loading } from "./status";

/**
 * The meeting's decisions, actions and concerns beside the draft minutes, to correct after the
 * meeting: each can be edited or removed (with undo) until the minutes are circulated. The draft
 * shows the record as it stands, so a change here shows in the preview at once.
 */
export function MinutesRecordEditor({ wardCode, meetingId }: { wardCode: string; meetingId: number }) {
  const trpc = useTRPC();
  const meeting = { wardCode, meetingId };
  const record = useQuery(trpc.live.view.queryOptions(meeting));
  if (record.isLoading) return <Loading />;
  if (record.error || !record.data) return <LoadError error={record.error ?? { message: "No record." }} />;
  const withEntries = record.data.items.filter((i) => i.decisions.length > 0 || i.actions.length > 0);
  return (
    <section aria-labelledby="record-heading" className="mt-6">
      <h3 id="record-heading" className="mb-2 text-xl font-bold">
        Decisions, actions and concerns
      </h3>
      <p className="mb-3">
        Correct what was recorded at the meeting. Once the minutes are circulated, the record can no longer change.
      </p>
      {withEntries.length === 0 && <p className="mb-3">No decisions or actions were recorded.</p>}
      {withEntries.map((item) => (
        <div key={item.id} className="mb-4">
          <h4 className="text-lg font-bold">{item.title}</h4>
          <p className="font-semibold">Decisions</p>
          <DecisionList meeting={meeting} decisions={item.decisions} canChange />
          <p className="font-semibold">Actions</p>
          <ActionList meeting={meeting} actions={item.actions} canChange />
        </div>
      ))}
      <h4 className="text-lg font-bold">Concerns raised by the public</h4>
      <ConcernList meeting={meeting} concerns={record.data.concerns} canChange />
    </section>
  );
}
