import { useQuery } from "@tanstack/react-query";
import { ROLE_LABELS, ROLES } from "@wardpanel/validators";
import { useState } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { useTRPC } from "../lib/trpc";
import { BoroughOptions } from "./borough-options";
import { Field, inputClass } from "./field";

type Props = {
  role: UseFormRegisterReturn;
  ward: UseFormRegisterReturn;
  selectedRole: string;
  errors: { role?: FieldError | undefined; wardCode?: FieldError | undefined };
};

/** Role, then (for every role but admin) the ward, picked within a borough to keep the list short. */
export function RoleGrantFields({ role, ward, selectedRole, errors }: Props) {
  const trpc = useTRPC();
  const [boroughCode, setBoroughCode] = useState("");
  const wards = useQuery({ ...trpc.wards.search.queryOptions({ query: "", boroughCode }), enabled: boroughCode !== "" });

  return (
    <>
      <Field label="Role" error={errors.role}>
        {(a11y) => (
          <select {...a11y} {...role} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {selectedRole !== "admin" && (
        <>
          <Field label="Borough" hint="Choose the borough, then the ward">
            {(a11y) => (
              <select {...a11y} value={boroughCode} onChange={(e) => setBoroughCode(e.target.value)} className={inputClass}>
                <BoroughOptions emptyLabel="Choose a borough" />
              </select>
            )}
          </Field>
          <Field label="Ward" error={errors.wardCode}>
            {(a11y) => (
              <select {...a11y} {...ward} className={inputClass} disabled={!wards.data}>
                <option value="">{boroughCode ? "Choose a ward" : "Choose a borough first"}</option>
                {wards.data?.map((w) => (
                  <option key={w.code} value={w.code}>
                    {w.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
    </>
  );
}

/** The select gives "" for no ward; the schema wants null. */
export const wardCodeFromSelect = (value: string) => (value === "" ? null : value);
