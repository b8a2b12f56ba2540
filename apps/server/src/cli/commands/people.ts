import { parseArgs } from "node:util";

import { exportPersonalData } from "@wardpanel/db/queries/personal-data";
import { erasePersonalData, type ErasureCounts } from "@wardpanel/db/queries/personal-data-erase";
import { PersonalDataRequest } from "@wardpanel/validators";

import { CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

const USAGE = `Usage:
  pnpm cli people export <email>          everything held about the address, as JSON
  pnpm cli people erase <email> [--yes]   without --yes, shows what would be erased`;

const ERASED: Record<Exclude<keyof ErasureCounts, "accountAnonymised">, string> = {
  rolesRemoved: "roles removed",
  sessionsEnded: "sessions ended",
  invitationsDeleted: "invitations deleted",
  teamListingsRemoved: "public team-list entries removed",
  guestNamesReplaced: "meeting guests renamed",
  actionOwnersReplaced: "action owners renamed",
  subscriptionsDeleted: "subscriptions deleted",
  rememberedUnsubscribesDeleted: "remembered unsubscribes deleted",
  concernContactsCleared: "concerns' contact details cleared",
  messageContactsCleared: "messages' contact details cleared",
  publicSignInsDeleted: "public sign-ins deleted",
};

function emailOf(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { yes: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new CliUsageError(USAGE);
  const parsed = PersonalDataRequest.safeParse({ email: positionals[0] });
  if (!parsed.success) throw new CliUsageError(`<email>: ${parsed.error.issues[0]?.message ?? "not valid"}`);
  return { email: parsed.data.email, confirmed: values.yes };
}

export const peopleCommand: Command = {
  async run([sub, ...rest], cli) {
    if (sub === "export") {
      const { email } = emailOf(rest);
      return withDatabase(cli, (db) => {
        cli.print(JSON.stringify(exportPersonalData(db, { email, now: new Date() }), null, 2));
        return 0;
      });
    }
    if (sub === "erase") {
      const { email, confirmed } = emailOf(rest);
      return withDatabase(cli, (db) => {
        if (!confirmed) {
          // Irreversible: show what is held first, and erase only when asked again with --yes.
          cli.print(JSON.stringify(exportPersonalData(db, { email, now: new Date() }), null, 2));
          cli.print(
            `\nNothing was erased. This is what is held about ${email}; to erase it, which cannot be undone, run:\n  pnpm cli people erase ${email} --yes`,
          );
          return 0;
        }
        const erased = erasePersonalData(db, { email, actingUserId: null });
        cli.print(`Erased what was held about ${email}:`);
        cli.print(`  staff account anonymised as "Former member": ${erased.accountAnonymised ? "yes" : "no account"}`);
        for (const [key, label] of Object.entries(ERASED))
          cli.print(`  ${label}: ${erased[key as keyof typeof ERASED]}`);
        return 0;
      });
    }
    throw new CliUsageError(USAGE);
  },
};
