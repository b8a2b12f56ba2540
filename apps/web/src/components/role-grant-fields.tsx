import { useQuery } from "@tanstack/react-query";
import {
  isBoroughRole,
  isForceRole,
  isWardRole,
  POLICE_FORCES,
  type Role,
  ROLE_LABELS,
  ROLES,
} from "@wardpanel/validators";
import { useState } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useDistrictWords } from "../lib/use-district-words";
import { BoroughOptions } from "./borough-options";
import { Field, inputClass } from "./field";

type Props = {
  role: UseFormRegisterReturn;
  ward: UseFormRegisterReturn;
  force: UseFormRegisterReturn;
  borough: UseFormRegisterReturn;
  selectedRole: Role;
  errors: {
    role?: FieldError | undefined;
    wardCode?: FieldError | undefined;
    force?: FieldError | undefined;
    boroughCode?: FieldError | undefined;
  };
};

/**
 * Role, then where it is held: the police force for an analyst, the borough for a borough admin,
 * nothing for an admin, and for every other role the ward, picked within a borough to keep the
 * list short. A borough admin is offered ward roles in their own boroughs only (decision 0040).
 */
export function RoleGrantFields({ role, ward, force, borough, selectedRole, errors }: Props) {
  const { district, District } = useDistrictWords();
  const trpc = useTRPC();
  const access = useAccess();
  const onlyBoroughs = access.isAdmin ? null : access.adminBoroughs;
  const offered = access.isAdmin ? ROLES : ROLES.filter(isWardRole);
  const [boroughCode, setBoroughCode] = useState("");
  const wards = useQuery({
    ...trpc.wards.search.queryOptions({ query: "", boroughCode }),
    enabled: boroughCode !== "",
    select: (found) => found.wards,
  });

  return (
    <>
      <Field label="Role" error={errors.role}>
        {(a11y) => (
          <select {...a11y} {...role} className={inputClass}>
            {offered.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isForceRole(selectedRole) && (
        <Field
          label="Police force"
          hint="An analyst imports this force's police.uk crime data, which covers every ward it polices"
          error={errors.force}
        >
          {(a11y) => (
            <select {...a11y} {...force} className={inputClass}>
              <option value="">Choose a police force</option>
              {POLICE_FORCES.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {isBoroughRole(selectedRole) && (
        <Field
          label="Borough"
          hint="A borough admin manages people and roles for this borough's wards"
          error={errors.boroughCode}
        >
          {(a11y) => (
            <select {...a11y} {...borough} className={inputClass}>
              <BoroughOptions emptyLabel="Choose a borough" />
            </select>
          )}
        </Field>
      )}
      {isWardRole(selectedRole) && (
        <>
          <Field label={District} hint={`Choose the ${district}, then the ward`}>
            {(a11y) => (
              <select
                {...a11y}
                value={boroughCode}
                onChange={(e) => setBoroughCode(e.target.value)}
                className={inputClass}
              >
                <BoroughOptions emptyLabel={`Choose a ${district}`} only={onlyBoroughs} />
              </select>
            )}
          </Field>
          <Field label="Ward" error={errors.wardCode}>
            {(a11y) => (
              <select {...a11y} {...ward} className={inputClass} disabled={!wards.data}>
                <option value="">{boroughCode ? "Choose a ward" : `Choose a ${district} first`}</option>
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

/** The selects give "" for no ward or force; the schema wants null. */
export const wardCodeFromSelect = (value: string) => (value === "" ? null : value);
