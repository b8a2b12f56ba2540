import { parseArgs } from "node:util";

import { invitePerson } from "@wardpanel/db/queries/invitations";
import { listPeople } from "@wardpanel/db/queries/people";
import {
  Email,
  isForceRole,
  PersonName,
  PoliceForceId,
  policeForceInSentence,
  policeForceName,
  Role,
  ROLE_LABELS,
  WardCode,
} from "@wardpanel/validators";

import { type CliContext, CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

const FORCE_EXAMPLES = "metropolitan, city-of-london, leicestershire, btp …";

const USAGE = `Usage:
  pnpm cli users create --email <email> --name <name> --role <role> [--ward <E05…>]… [--force <id>] [--base-url <url>]
  pnpm cli users list
Roles: ${Role.options.join(", ")}. An analyst needs --force (a police.uk force id: ${FORCE_EXAMPLES});
every other role but admin needs --ward (repeat it for a sergeant of several wards).`;

function parseOrExplain<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  flag: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliUsageError(`${flag}: ${parsed.error.issues[0]?.message ?? "not valid"}`);
  return parsed.data;
}

function create(cli: CliContext, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      ward: { type: "string", multiple: true },
      force: { type: "string" },
      "base-url": { type: "string" },
    },
  });
  const email = parseOrExplain(Email, values.email ?? "", "--email");
  const name = parseOrExplain(PersonName, values.name ?? "", "--name");
  const role = parseOrExplain(Role, values.role, "--role");
  const wards = (values.ward ?? []).map((w) => parseOrExplain(WardCode, w, "--ward"));
  const force = values.force === undefined ? null : parseOrExplain(PoliceForceId, values.force, "--force");
  const isWardWide = role !== "admin" && !isForceRole(role);
  if (!isWardWide && wards.length > 0)
    throw new CliUsageError(`--ward: ${role === "admin" ? "admins are" : "an analyst is"} not tied to a ward`);
  if (isWardWide && wards.length === 0)
    throw new CliUsageError(`--ward: say which ward the ${ROLE_LABELS[role].toLowerCase()} is for`);
  if (isForceRole(role) && force === null)
    throw new CliUsageError(
      `--force: say which police force the analyst imports crime data for (a police.uk force id: ${FORCE_EXAMPLES})`,
    );
  if (!isForceRole(role) && force !== null)
    throw new CliUsageError("--force: only an analyst is held for a police force");

  return withDatabase(cli, (db) => {
    const grants = isWardWide ? wards.map((wardCode) => ({ role, wardCode })) : [{ role, wardCode: null, force }];
    const { invitePath, expiresAt } = invitePerson(db, { email, name, grants, invitedBy: null, now: new Date() });
    cli.print(
      `Created ${name} <${email}> as ${ROLE_LABELS[role]}${force ? ` for ${policeForceInSentence(force)}` : ""}.`,
    );
    cli.print(`They choose their password at this link (works once, until ${expiresAt.toISOString()}):`);
    // The site's address from PUBLIC_BASE_URL, as in e-mails, unless given.
    cli.print(
      `  ${new URL(invitePath, values["base-url"] ?? cli.settings().PUBLIC_BASE_URL ?? "http://localhost:3000").href}`,
    );
    return 0;
  });
}

function list(cli: CliContext) {
  return withDatabase(cli, (db) => {
    for (const person of listPeople(db)) {
      const roles = person.roles
        .map(
          (r) =>
            `${ROLE_LABELS[r.role]}${r.wardName ? ` (${r.wardName})` : r.force ? ` (${policeForceName(r.force)})` : ""}`,
        )
        .join(", ");
      cli.print(
        `${person.email}\t${person.name}\t${person.isActive ? "active" : "deactivated"}\t${roles || "no roles"}`,
      );
    }
    return 0;
  });
}

export const usersCommand: Command = {
  async run([sub, ...rest], cli) {
    if (sub === "create") return create(cli, rest);
    if (sub === "list") return list(cli);
    throw new CliUsageError(USAGE);
  },
};
