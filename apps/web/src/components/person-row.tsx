import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { AssignRoleInput, policeForceName, ROLE_LABELS } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { AccountLinkAction } from "./account-link-action";
import { ChangeStatus } from "./change-status";
import { buttonClass, secondaryButtonClass } from "./field";
import { RoleGrantFields, wardCodeFromSelect } from "./role-grant-fields";
import { When } from "./when";

type Person = RouterOutputs["people"]["list"][number];

function statusOf(person: Person): string {
  if (!person.isActive) return "Deactivated";
  return person.hasPassword ? "Active" : "Invited (no password yet)";
}

/** One person: their roles and the admin's actions, each irreversible one behind a confirmation. */
export function PersonCard({ person }: { person: Person }) {
  const trpc = useTRPC();
  const change = useChange(trpc.people.pathFilter());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const removeRole = useMutation(trpc.people.removeRole.mutationOptions());
  const setActive = useMutation(trpc.people.setActive.mutationOptions());

  return (
    <li className="rounded border-2 border-slate-300 p-4">
      <h3 className="text-lg font-bold">{person.name}</h3>
      <p className="break-all">{person.email}</p>
      <p>
        {statusOf(person)}
        {person.lastSignInAt && (
          <>
            {" "}
            · last signed in <When value={person.lastSignInAt} />
          </>
        )}
      </p>
      <ChangeStatus change={change} />
      <ul className="my-2">
        {person.roles.map((role) => {
          const label = `${ROLE_LABELS[role.role]}${role.wardName ? ` — ${role.wardName}` : role.force ? ` — ${policeForceName(role.force)}` : ""}`;
          const key = `remove-${role.id}`;
          return (
            <li key={role.id} className="flex flex-wrap items-center gap-2 py-1">
              <span>{label}</span>
              {confirming === key ? (
                <>
                  <span>Remove this role?</span>
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={change.pending}
                    onClick={() =>
                      void change.run(() => removeRole.mutateAsync({ assignmentId: role.id }), {
                        done: `Removed ${label}.`,
                      })
                    }
                  >
                    Yes, remove {label}
                  </button>
                  <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="min-h-11 px-2 text-blue-800 underline"
                  onClick={() => setConfirming(key)}
                >
                  Remove
                  <span className="sr-only">
                    {" "}
                    {label} from {person.name}
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => setAdding((a) => !a)}
          aria-expanded={adding}
        >
          Add role<span className="sr-only"> for {person.name}</span>
        </button>
        {person.isActive && <AccountLinkAction person={person} change={change} />}
        {confirming === "active" ? (
          <>
            <button
              type="button"
              className={buttonClass}
              disabled={change.pending}
              onClick={async () => {
                const done = `${person.name} is ${person.isActive ? "deactivated" : "reactivated"}.`;
                if (
                  await change.run(() => setActive.mutateAsync({ userId: person.id, isActive: !person.isActive }), {
                    done,
                  })
                )
                  setConfirming(null);
              }}
            >
              Yes, {person.isActive ? "deactivate" : "reactivate"} {person.name}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className={secondaryButtonClass} onClick={() => setConfirming("active")}>
            {person.isActive ? "Deactivate" : "Reactivate"}
            <span className="sr-only"> {person.name}</span>
          </button>
        )}
      </div>
      {adding && <AddRoleForm userId={person.id} onDone={() => setAdding(false)} />}
    </li>
  );
}

function AddRoleForm({ userId, onDone }: { userId: number; onDone: () => void }) {
  const trpc = useTRPC();
  const change = useChange(trpc.people.pathFilter());
  const assign = useMutation(trpc.people.assignRole.mutationOptions());
  const form = useForm<AssignRoleInput>({
    resolver: zodResolver(AssignRoleInput),
    defaultValues: { userId, grant: { role: "panel_member", wardCode: null, force: null, boroughCode: null } },
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await change.run(() => assign.mutateAsync(values))) onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 max-w-xl border-t-2 border-slate-300 pt-4">
      <ChangeStatus change={change} />
      <RoleGrantFields
        role={form.register("grant.role")}
        ward={form.register("grant.wardCode", { setValueAs: wardCodeFromSelect })}
        force={form.register("grant.force", { setValueAs: wardCodeFromSelect })}
        borough={form.register("grant.boroughCode", { setValueAs: wardCodeFromSelect })}
        selectedRole={form.watch("grant.role")}
        errors={{
          role: errors.grant?.role,
          wardCode: errors.grant?.wardCode,
          force: errors.grant?.force,
          boroughCode: errors.grant?.boroughCode,
        }}
      />
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Give this role
      </button>
    </form>
  );
}
