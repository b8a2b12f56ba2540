import { z } from "zod";

import { PoliceForceId } from "./forces";
import { isBoroughRole, isForceRole, Role } from "./roles";
import { BoroughCode, WardCode } from "./wards";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .pipe(z.email("Enter an email address like name@example.com"));

/** NCSC guidance: length over composition rules. */
export const NewPassword = z.string().min(12, "Use at least 12 characters").max(200, "Use at most 200 characters");

export const PersonName = z.string().trim().min(1, "Enter a name").max(100, "Keep the name under 100 characters");

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password").max(200),
});
export type SignInInput = z.input<typeof SignInInput>;

export const UserId = z.object({ userId: z.number().int().positive() });

/**
 * A role and where it is held: admins everywhere, borough admins for a borough (its ONS code,
 * E09…), analysts for a police force, the rest for a ward.
 */
export const RoleGrant = z
  .object({
    role: Role,
    wardCode: WardCode.nullable(),
    force: PoliceForceId.nullable().default(null),
    boroughCode: BoroughCode.nullable().default(null),
  })
  .superRefine((grant, ctx) => {
    const isWardRole = grant.role !== "admin" && !isForceRole(grant.role) && !isBoroughRole(grant.role);
    if (!isWardRole && grant.wardCode !== null) {
      const who =
        grant.role === "admin"
          ? "Admins are not tied to a ward"
          : isBoroughRole(grant.role)
            ? "A borough admin works for a whole borough, not a ward"
            : "An analyst works for a police force, not a ward";
      ctx.addIssue({ code: "custom", path: ["wardCode"], message: `${who}: leave the ward empty` });
    }
    if (isWardRole && grant.wardCode === null) {
      ctx.addIssue({ code: "custom", path: ["wardCode"], message: "Choose the ward this role is for" });
    }
    if (isForceRole(grant.role) && grant.force === null) {
      ctx.addIssue({
        code: "custom",
        path: ["force"],
        message: "Choose the police force whose crime data they import",
      });
    }
    if (isBoroughRole(grant.role) && grant.boroughCode === null) {
      ctx.addIssue({ code: "custom", path: ["boroughCode"], message: "Choose the borough they look after" });
    }
    if (!isBoroughRole(grant.role) && grant.boroughCode !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["boroughCode"],
        message: "Only a borough admin is held for a borough: leave the borough empty",
      });
    }
    if (!isForceRole(grant.role) && grant.force !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["force"],
        message: "Only an analyst is held for a police force: leave the force empty",
      });
    }
  });
export type RoleGrant = z.input<typeof RoleGrant>;

export const InviteInput = z.object({
  email: Email,
  name: PersonName,
  grant: RoleGrant,
});
export type InviteInput = z.input<typeof InviteInput>;

export const AssignRoleInput = z.object({ userId: z.number().int().positive(), grant: RoleGrant });
export type AssignRoleInput = z.input<typeof AssignRoleInput>;

export const RemoveRoleInput = z.object({ assignmentId: z.number().int().positive() });

export const InviteToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This invitation link is not valid");

const TYPED_TWICE = {
  check: (input: { password: string; confirmPassword: string }) => input.password === input.confirmPassword,
  params: { path: ["confirmPassword"], message: "The two passwords do not match" },
};

export const AcceptInviteInput = z
  .object({
    token: InviteToken,
    password: NewPassword,
    confirmPassword: z.string(),
  })
  .refine(TYPED_TWICE.check, TYPED_TWICE.params);
export type AcceptInviteInput = z.input<typeof AcceptInviteInput>;

/** "Forgot your password?": the address to send a link to. */
export const PasswordResetRequestInput = z.object({ email: Email });
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestInput>;

export const ResetToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid: copy the whole link from the e-mail");

export const ResetPasswordInput = z
  .object({
    token: ResetToken,
    password: NewPassword,
    confirmPassword: z.string(),
  })
  .refine(TYPED_TWICE.check, TYPED_TWICE.params);
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

/** A signed-in person choosing a new password proves they know the current one. */
export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    password: NewPassword,
    confirmPassword: z.string(),
  })
  .refine(TYPED_TWICE.check, TYPED_TWICE.params);
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;
