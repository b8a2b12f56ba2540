import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { AssignRoleInput, policeForceName, ROLE_LABELS } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { buttonClass, FormAlert, secondaryButtonClass } from "./field";
import { AccountLinkAction } from "./account-link-action";
import { RoleGrantFields, wardCodeFromSelect } from "./role-grant-fields";

type Person = RouterOutputs["people"]["list"][number];

function statusOf(person: Person): string {
  if (!person.isActive) return "Deactivated";
  return person.hasPassword ? "Active" : "Invited (no password yet)";
}

/** One person: their roles and the admin's actions, each irreversible one behind a confirmation. */
export function PersonCard({ person }: { person: Person }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.people.pathFilter());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const onError = (error: { message: string }) => setAlert(error.message);

  const removeRole = useMutation(trpc.people.removeRole.mutationOptions({ onSuccess: refresh, onError }));
  const setActive = useMutation(trpc.people.setActive.mutationOptions({ onSuccess: refresh, onError }));

  return (
    <li className="rounded border-2 border-slate-300 p-4">
      <h3 className="text-lg font-bold">{person.name}</h3>
      <p className="break-all">{person.email}</p>
      <p>
        {statusOf(person)}
        {person.lastSignInAt && ` · last signed in ${new Date(person.lastSignInAt).toLocaleDateString("en-GB")}`}
      </p>
      <FormAlert message={alert} />
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
                  <button type="button" className={buttonClass} onClick={() => removeRole.mutate({ assignmentId: role.id })}>
                    Yes, remove {label}
                  </button>
                  <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" className="min-h-11 px-2 text-blue-800 underline" onClick={() => setConfirming(key)}>
                  Remove<span className="sr-only"> {label} from {person.name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          Add role<span className="sr-only"> for {person.name}</span>
        </button>
        {person.isActive && <AccountLinkAction person={person} onError={onError} />}
        {confirming === "active" ? (
          <>
            <button type="button" className={buttonClass} onClick={() => setActive.mutate({ userId: person.id, isActive: !person.isActive })}>
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
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const assign = useMutation(trpc.people.assignRole.mutationOptions());
  const form = useForm<AssignRoleInput>({
    resolver: zodResolver(AssignRoleInput),
    defaultValues: { userId, grant: { role: "panel_member", wardCode: null, force: null } },
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await assign.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.people.pathFilter());
      onDone();
    } catch (error) {
      setAlert(applyServerError(error, form.setError, []));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 max-w-xl border-t-2 border-slate-300 pt-4">
      <FormAlert message={alert} />
      <RoleGrantFields
        role={form.register("grant.role")}
        ward={form.register("grant.wardCode", { setValueAs: wardCodeFromSelect })}
        force={form.register("grant.force", { setValueAs: wardCodeFromSelect })}
        selectedRole={form.watch("grant.role")}
        errors={{ role: errors.grant?.role, wardCode: errors.grant?.wardCode, force: errors.grant?.force }}
      />
      <button type="submit" className={buttonClass}>
        Give this role
      </button>
    </form>
  );
}
