import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { useState } from "react";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { secondaryButtonClass } from "./field";
import { OfficerForm } from "./officer-form";

type Officer = RouterOutputs["wards"]["page"]["team"]["officers"][number];

const NEW_OFFICER = { name: "", rank: "Police Constable", email: "" } as const;

/**
 * The sergeant's list of the team's officers, as the public ward page names them: add one, correct
 * one's name, rank or e-mail address, remove one (with Undo, which puts them back in their place).
 */
export function OfficerListEditor({ wardCode, officers }: { wardCode: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const change = useChange(trpc.wards.pathFilter());
  const add = useMutation(trpc.wards.addOfficer.mutationOptions());
  const update = useMutation(trpc.wards.updateOfficer.mutationOptions());
  const remove = useMutation(trpc.wards.removeOfficer.mutationOptions());
  const [editing, setEditing] = useState<number | null>(null);

  const onRemove = (officer: Officer) =>
    change.run(() => remove.mutateAsync({ wardCode, officerId: officer.id }), {
      done: `${officer.name} is no longer listed on the public ward page.`,
      undo: async () => {
        // The removal answered what they were and where; Undo adds them back there.
        const position = officers.findIndex((o) => o.id === officer.id);
        await add.mutateAsync({
          wardCode,
          name: officer.name,
          rank: officer.rank,
          email: officer.email ?? "",
          position,
        });
      },
    });

  return (
    <div>
      <ChangeStatus change={change} />
      {officers.length === 0 ? (
        <p className="mb-4">No officers are listed yet: the public page says the team's details are coming.</p>
      ) : (
        <ul className="mb-6 max-w-xl divide-y-2 divide-slate-200">
          {officers.map((officer) => (
            <li key={officer.id} className="py-3">
              {editing === officer.id ? (
                <OfficerForm
                  initial={{ name: officer.name, rank: officer.rank, email: officer.email ?? "" }}
                  submitLabel={`Save ${officer.name}`}
                  change={change}
                  onCancel={() => setEditing(null)}
                  save={async (values, form) => {
                    const saved = await change.run(
                      () => update.mutateAsync({ wardCode, officerId: officer.id, ...values }),
                      { form, done: `Saved. The public ward page now lists ${values.name.trim()}.` },
                    );
                    if (saved) setEditing(null);
                    return saved;
                  }}
                />
              ) : (
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p>
                    <span className="font-semibold">{officer.name}</span> ({officer.rank})
                    {officer.email && <span className="block break-all text-slate-700">{officer.email}</span>}
                  </p>
                  <div className="flex gap-2">
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      aria-label={`Change ${officer.name}`}
                      onClick={() => setEditing(officer.id)}
                    >
                      Change
                    </button>
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      aria-label={`Remove ${officer.name}`}
                      disabled={change.pending}
                      onClick={() => void onRemove(officer)}
                    >
                      Remove
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-2 text-xl font-bold">Add an officer</h3>
      <OfficerForm
        initial={NEW_OFFICER}
        submitLabel="Add the officer"
        change={change}
        save={(values, form) =>
          change.run(() => add.mutateAsync({ wardCode, ...values }), {
            form,
            done: `Added. The public ward page now lists ${values.name.trim()}.`,
          })
        }
      />
    </div>
  );
}
