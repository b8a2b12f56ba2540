import { initTRPC, TRPCError } from "@trpc/server";
import { boroughOfWard } from "@wardpanel/db/queries/people";
import {
  DomainError,
  FORCE_ROLE_GROUPS,
  ForceRef,
  type ForceRole,
  type ForceRoleGroup,
  holdsAnyAdmin,
  mayForForce,
  mayInWard,
  WARD_ROLE_GROUPS,
  WardRef,
  type WardRole,
  type WardRoleGroup,
} from "@wardpanel/validators";
import { z } from "zod";

import { isAdmin } from "./auth/viewer";
import type { Context } from "./context";
import { TRPC_CODE_OF_DOMAIN_ERROR } from "./domain-errors";
import { describeFault } from "./faults";
import { publishLiveChange } from "./live/publish-live-change";

// ─── Context ──────────────────────────────────────────────────────────────────────────────────
// Built by createContextInner (./context.ts): the database, the viewer (or null), the session cookie.

// ─── Initialisation ───────────────────────────────────────────────────────────────────────────

/**
 * Who may call a procedure. Every procedure declares one; the role-matrix test reads it. Ward and
 * force access name a role group (@wardpanel/validators role-groups.ts), the same the web app
 * asks before offering the action; `roles` is what that group holds, for reading the policy.
 */
export type Access =
  | { kind: "public" }
  | { kind: "signed-in" }
  | { kind: "admin" }
  | { kind: "any-admin" }
  | { kind: "ward"; group: WardRoleGroup; roles: readonly WardRole[] }
  | { kind: "force"; group: ForceRoleGroup; roles: readonly ForceRole[] };

export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    /**
     * The browser gets the field a message belongs to, so forms show it against that field. An
     * unexpected error (tRPC wraps anything not a TRPCError as INTERNAL_SERVER_ERROR) never shows
     * its own message: a database that cannot take the request is a 503, anything else a 500 with
     * an error id that is also in the log line (apps/server/src/routes/trpc.ts).
     */
    errorFormatter({ shape, error, type }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        const fault = describeFault(error.cause ?? error, { isWrite: type !== "query" });
        const code = fault.status === 503 ? ("SERVICE_UNAVAILABLE" as const) : shape.data.code;
        return {
          ...shape,
          message: fault.message,
          data: {
            ...shape.data,
            code,
            httpStatus: fault.status,
            field: null,
            fieldErrors: null,
            errorId: fault.errorId,
            stack: undefined,
          },
        };
      }
      const cause = error.cause;
      const fieldErrors = cause instanceof z.ZodError ? z.flattenError(cause).fieldErrors : null;
      const field = cause instanceof DomainError ? (cause.field ?? null) : null;
      const message = fieldErrors ? "Some answers need correcting: see the fields marked." : shape.message;
      return { ...shape, message, data: { ...shape.data, field, fieldErrors, errorId: null, stack: undefined } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one place domain errors become tRPC errors, by the table plain HTTP routes use too (domain-errors.ts). */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE_OF_DOMAIN_ERROR[cause.kind], message: cause.message, cause });
  }
  return result;
});

/**
 * After a mutation succeeds (its write committed), screens following a live meeting or vote are
 * told to fetch again (./live/publish-live-change.ts; decision 0035).
 */
const liveChanges = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const result = await next();
  if (result.ok && type === "mutation") publishLiveChange(ctx, path, await getRawInput());
  return result;
});

// ─── Procedures ───────────────────────────────────────────────────────────────────────────────
// Deny by default: the bare `t.procedure` is not exported, so every procedure starts from one of
// these and says who may call it.

const base = t.procedure.use(domainErrors).use(liveChanges);

/** Anyone, signed in or not. */
export const publicProcedure = base.meta({ access: { kind: "public" } });

const requireViewer = t.middleware(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to do this" });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/** Any signed-in person. */
export const signedInProcedure = base.meta({ access: { kind: "signed-in" } }).use(requireViewer);

/**
 * Admins for the whole force or for a borough (decision 0040): the procedure itself narrows a
 * borough admin to their borough (./auth/borough-scope.ts).
 */
export const anyAdminProcedure = base
  .meta({ access: { kind: "any-admin" } })
  .use(requireViewer)
  .use(({ ctx, next }) => {
    if (!holdsAnyAdmin(ctx.viewer.roles)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only an admin can do this" });
    }
    return next({ ctx });
  });

/** Admins for the whole force only. */
export const adminProcedure = base
  .meta({ access: { kind: "admin" } })
  .use(requireViewer)
  .use(({ ctx, next }) => {
    if (!isAdmin(ctx.viewer)) throw new TRPCError({ code: "FORBIDDEN", message: "Only an admin can do this" });
    return next({ ctx });
  });

/**
 * People in role group `group` for the ward named by the input's `wardCode` (admins always).
 * The input is parsed before the check, so the ward is the one the procedure will act on.
 */
export function wardProcedure(group: WardRoleGroup) {
  return base
    .meta({ access: { kind: "ward", group, roles: WARD_ROLE_GROUPS[group] } })
    .use(requireViewer)
    .input(WardRef)
    .use(({ ctx, input, next }) => {
      const held = ctx.viewer.roles;
      // A borough admin's ward is looked up only when their other roles do not already let them in.
      const allowed =
        mayInWard(held, group, input.wardCode) ||
        (holdsAnyAdmin(held) && mayInWard(held, group, input.wardCode, boroughOfWard(ctx.db, input.wardCode)));
      if (!allowed) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You do not have a role for this ward that allows this" });
      }
      return next({ ctx });
    });
}

/**
 * People in role group `group` for the police force named by the input's `force` (admins always):
 * force-wide data such as a police.uk month, which covers every ward the force polices.
 */
export function forceProcedure(group: ForceRoleGroup) {
  return base
    .meta({ access: { kind: "force", group, roles: FORCE_ROLE_GROUPS[group] } })
    .use(requireViewer)
    .input(ForceRef)
    .use(({ ctx, input, next }) => {
      if (!mayForForce(ctx.viewer.roles, group, input.force)) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "You do not have a role for this police force that allows this",
        });
      }
      return next({ ctx });
    });
}
